import { describe, expect, it } from "vitest";
import { authErrorMessage } from "./auth-errors";

const at = "http://cams.lan:8080";

describe("auth library errors map to their own message", () => {
  it.each([
    [{ status: 403, code: "INVALID_ORIGIN" }, { ns: "account", key: "untrustedOrigin", values: { origin: at } }],
    [{ status: 403, code: "MISSING_OR_NULL_ORIGIN" }, { ns: "account", key: "untrustedOrigin", values: { origin: at } }],
    [{ status: 403, code: "ACCOUNT_DISABLED" }, { ns: "auth", key: "disabled" }],
    [{ status: 401, code: "INVALID_EMAIL_OR_PASSWORD" }, { ns: "auth", key: "invalidCredentials" }],
    [{ status: 429, code: "SIGN_IN_THROTTLED", retryAfter: 42 }, { ns: "auth", key: "throttled", values: { seconds: 42 } }],
    [{ status: 429, message: "Too many failed sign-ins. Try again in 17 seconds." }, { ns: "auth", key: "throttled", values: { seconds: 17 } }],
    [{ status: 500 }, { ns: "account", key: "authFailed", values: { status: 500 } }],
    // A 403 that is not a disabled account is not reported as one.
    [{ status: 403, code: "SOMETHING_ELSE" }, { ns: "account", key: "authFailed", values: { status: 403 } }],
    [{ status: 0 }, { ns: "account", key: "networkError" }],
    // The second step: a 401 with the two-factor plugin's code is about the code, not the password.
    [{ status: 401, code: "INVALID_CODE" }, { ns: "twoFactor", key: "wrongCode" }],
    [{ status: 401, code: "INVALID_BACKUP_CODE" }, { ns: "twoFactor", key: "wrongRecoveryCode" }],
    [{ status: 401, code: "INVALID_TWO_FACTOR_COOKIE" }, { ns: "twoFactor", key: "challengeExpired" }],
    [{ status: 400, code: "TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE" }, { ns: "twoFactor", key: "tooManyCodes" }],
    [{ status: 429, code: "ACCOUNT_TEMPORARILY_LOCKED" }, { ns: "twoFactor", key: "locked" }],
  ])("%j", (err, expected) => {
    expect(authErrorMessage(err, at)).toEqual(expected);
  });
});
