"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { authClient } from "@/lib/auth-client";
import type { AuthClientError } from "@/lib/auth-errors";

/** The codes a refused single sign-on comes back with (the library's, and the app's SSO_NOT_ADMITTED). */
const KNOWN = ["SSO_NOT_ADMITTED", "signup_disabled", "ACCOUNT_DISABLED", "account_not_linked", "access_denied"] as const;

/** The message for the `error` a single sign-on redirected back to the sign-in page with. */
export function ssoErrorText(t: ReturnType<typeof useTranslations<"sso">>, code: string): string {
  const known = KNOWN.find((k) => k.toLowerCase() === code.toLowerCase());
  return known ? t(`error_${known}`) : t("errorOther", { code });
}

/** "Sign in with <provider>": off to the provider (authorization code + PKCE), back to the app. */
export function SsoButton({ name, onError }: { name: string; onError: (e: AuthClientError) => void }) {
  const t = useTranslations("sso");
  const [pending, setPending] = useState(false);
  async function go() {
    setPending(true);
    let error;
    try {
      ({ error } = await authClient.signIn.social({ provider: "oidc", callbackURL: "/", errorCallbackURL: "/sign-in" }));
    } catch {
      error = { status: 0 };
    }
    // On success the browser is on its way to the provider.
    if (error) {
      setPending(false);
      onError(error);
    }
  }
  return (
    <Button type="button" variant="outline" className="w-full" disabled={pending} onClick={go}>
      {pending ? <Spinner /> : null}
      {t("signInWith", { name })}
    </Button>
  );
}
