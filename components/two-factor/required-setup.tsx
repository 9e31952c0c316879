"use client";

import { useTranslations } from "next-intl";
import { useAuthErrorText } from "@/components/auth-error-text";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { toast } from "sonner";
import { TwoFactorSetup } from "./two-factor-setup";

/** The setup a two-factor requirement asks for before the app opens; signing out is the only other way. */
export function RequiredTwoFactorSetup({ email }: { email: string }) {
  const t = useTranslations("twoFactor");
  const tAccount = useTranslations("account");
  const authErrorText = useAuthErrorText();
  async function signOut() {
    const { authClient } = await import("@/lib/auth-client");
    const { error } = await authClient.signOut().catch(() => ({ error: { status: 0 } }));
    if (error) toast.error(tAccount("signOutFailed"), { description: authErrorText(error) });
    else window.location.assign("/sign-in");
  }
  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h1>{t("requiredTitle")}</h1>
        </CardTitle>
        <CardDescription>{t("requiredDescription", { email })}</CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
        <TwoFactorSetup onDone={() => window.location.assign("/")} />
        <Button variant="link" className="h-auto p-0" onClick={signOut}>
          {t("signOutInstead")}
        </Button>
      </CardContent>
    </Card>
  );
}
