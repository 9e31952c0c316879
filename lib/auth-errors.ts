/**
 * Maps an error answer of the auth library (better-auth client: `{ status, code, message }`) to
 * the message the user sees. Each known code gets its own message; anything else names its status.
 */
export type AuthErrorKey =
  | { ns: "auth"; key: "throttled"; values: { seconds: number } }
  | { ns: "auth"; key: "disabled" | "invalidCredentials" }
  | { ns: "account"; key: "untrustedOrigin"; values: { origin: string } }
  | { ns: "account"; key: "authFailed"; values: { status: number } }
  | { ns: "account"; key: "networkError" };

export interface AuthClientError {
  status?: number;
  code?: string;
  message?: string;
  retryAfter?: number;
}

export function authErrorMessage(err: AuthClientError, origin: string): AuthErrorKey {
  const code = err.code ?? "";
  if (code === "INVALID_ORIGIN" || code === "MISSING_OR_NULL_ORIGIN") return { ns: "account", key: "untrustedOrigin", values: { origin } };
  if (err.status === 429 || code === "SIGN_IN_THROTTLED") {
    const seconds = Number(err.retryAfter) || Number(err.message?.match(/(\d+) seconds/)?.[1]) || 60;
    return { ns: "auth", key: "throttled", values: { seconds } };
  }
  if (code === "ACCOUNT_DISABLED") return { ns: "auth", key: "disabled" };
  if (code === "INVALID_EMAIL_OR_PASSWORD" || code === "INVALID_PASSWORD" || code === "INVALID_EMAIL" || err.status === 401) {
    return { ns: "auth", key: "invalidCredentials" };
  }
  if (!err.status) return { ns: "account", key: "networkError" };
  return { ns: "account", key: "authFailed", values: { status: err.status } };
}
