/**
 * Maps an error answer of the auth library (better-auth client: `{ status, code, message }`) to
 * the message the user sees. Each known code gets its own message; anything else names its status.
 */
export type AuthErrorKey =
  | { ns: "auth"; key: "throttled"; values: { seconds: number } }
  | { ns: "auth"; key: "disabled" | "invalidCredentials" }
  | { ns: "account"; key: "untrustedOrigin"; values: { origin: string } }
  | { ns: "account"; key: "authFailed"; values: { status: number } }
  | { ns: "account"; key: "networkError" }
  | { ns: "twoFactor"; key: TwoFactorErrorKey };

/** The two-factor plugin's codes, each with its message in the twoFactor namespace. */
const TWO_FACTOR_CODES = {
  INVALID_CODE: "wrongCode",
  INVALID_BACKUP_CODE: "wrongRecoveryCode",
  TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE: "tooManyCodes",
  INVALID_TWO_FACTOR_COOKIE: "challengeExpired",
  ACCOUNT_TEMPORARILY_LOCKED: "locked",
  TOTP_ALREADY_ENABLED: "alreadyOn",
  TOTP_NOT_ENABLED: "notOn",
  TWO_FACTOR_NOT_ENABLED: "notOn",
} as const;
export type TwoFactorErrorKey = (typeof TWO_FACTOR_CODES)[keyof typeof TWO_FACTOR_CODES];

export interface AuthClientError {
  status?: number;
  code?: string;
  message?: string;
  retryAfter?: number;
}

export function authErrorMessage(err: AuthClientError, origin: string): AuthErrorKey {
  const code = err.code ?? "";
  if (code === "INVALID_ORIGIN" || code === "MISSING_OR_NULL_ORIGIN") return { ns: "account", key: "untrustedOrigin", values: { origin } };
  if (code === "ACCOUNT_TEMPORARILY_LOCKED") return { ns: "twoFactor", key: "locked" };
  if (err.status === 429 || code === "SIGN_IN_THROTTLED") {
    const seconds = Number(err.retryAfter) || Number(err.message?.match(/(\d+) seconds/)?.[1]) || 60;
    return { ns: "auth", key: "throttled", values: { seconds } };
  }
  if (code === "ACCOUNT_DISABLED") return { ns: "auth", key: "disabled" };
  if (code in TWO_FACTOR_CODES) return { ns: "twoFactor", key: TWO_FACTOR_CODES[code as keyof typeof TWO_FACTOR_CODES] };
  if (code === "INVALID_EMAIL_OR_PASSWORD" || code === "INVALID_PASSWORD" || code === "INVALID_EMAIL" || err.status === 401) {
    return { ns: "auth", key: "invalidCredentials" };
  }
  if (!err.status) return { ns: "account", key: "networkError" };
  return { ns: "account", key: "authFailed", values: { status: err.status } };
}
