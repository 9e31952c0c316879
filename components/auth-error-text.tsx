"use client";

import { useTranslations } from "next-intl";
import { authErrorMessage, type AuthClientError } from "@/lib/auth-errors";

/** The translated message for an auth library error answer (sign-in and its second step, sign-out, two-factor setup). */
export function useAuthErrorText() {
  const tAuth = useTranslations("auth");
  const tAccount = useTranslations("account");
  const tTwoFactor = useTranslations("twoFactor");
  return (err: AuthClientError) => {
    const m = authErrorMessage(err, window.location.origin);
    if (m.ns === "twoFactor") return tTwoFactor(m.key);
    if (m.ns === "auth") return m.key === "throttled" ? tAuth("throttled", m.values) : tAuth(m.key);
    if (m.key === "untrustedOrigin") return tAccount("untrustedOrigin", m.values);
    if (m.key === "authFailed") return tAccount("authFailed", m.values);
    return tAccount("networkError");
  };
}
