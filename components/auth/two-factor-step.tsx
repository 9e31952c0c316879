"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { useAuthErrorText } from "@/components/auth-error-text";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { Form } from "@/components/ui/form";
import { FormAlert, InputField } from "@/components/ui/input-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { authClient } from "@/lib/auth-client";
import { twoFactorSignInSchema, type TwoFactorSignInInput } from "@/lib/schemas/two-factor";

type Method = TwoFactorSignInInput["method"];

/**
 * The sign-in's second step: a code from the authenticator app or one recovery code, optionally
 * remembering this browser for 30 days. A challenge that expired or ran out of tries sends the
 * user back to the password.
 */
export function TwoFactorStep({ onRestart }: { onRestart: () => void }) {
  const t = useTranslations("twoFactor");
  const authErrorText = useAuthErrorText();
  const [error, setError] = useState<{ text: string; restart: boolean } | null>(null);
  const form = useForm<TwoFactorSignInInput>({
    resolver: zodResolver(twoFactorSignInSchema),
    defaultValues: { method: "totp", code: "", trustDevice: false },
  });
  const method = useWatch({ control: form.control, name: "method" });

  function switchTo(m: Method) {
    form.reset({ method: m, code: "", trustDevice: form.getValues("trustDevice") });
    setError(null);
  }

  async function onSubmit(raw: TwoFactorSignInInput) {
    setError(null);
    const v = twoFactorSignInSchema.parse(raw);
    let err;
    try {
      const body = { code: v.code, trustDevice: v.trustDevice };
      ({ error: err } = v.method === "totp" ? await authClient.twoFactor.verifyTotp(body) : await authClient.twoFactor.verifyBackupCode(body));
    } catch {
      err = { status: 0 };
    }
    if (!err) {
      window.location.assign("/");
      return;
    }
    const code = (err as { code?: string }).code;
    if (code === "INVALID_CODE" || code === "INVALID_BACKUP_CODE") {
      // The code is wrong: say so at the field and keep what was typed.
      form.setError("code", { message: authErrorText(err) }, { shouldFocus: true });
      return;
    }
    setError({ text: authErrorText(err), restart: code === "INVALID_TWO_FACTOR_COOKIE" || code === "TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE" });
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h1>{t("signInTitle")}</h1>
        </CardTitle>
        <CardDescription>{method === "totp" ? t("signInDescription") : t("signInRecoveryDescription")}</CardDescription>
      </CardHeader>
      <CardContent>
        <Form {...form}>
          <form onSubmit={form.handleSubmit(onSubmit)} className="space-y-4" noValidate data-testid="two-factor-step">
            <FormAlert testId="sign-in-error">
              {error ? (
                <>
                  {error.text}{" "}
                  {error.restart ? (
                    <Button type="button" variant="link" className="h-auto p-0" onClick={onRestart}>
                      {t("startOver")}
                    </Button>
                  ) : null}
                </>
              ) : null}
            </FormAlert>
            <InputField
              control={form.control}
              name="code"
              label={method === "totp" ? t("code") : t("recoveryCode")}
              autoComplete="one-time-code"
              inputMode={method === "totp" ? "numeric" : "text"}
              autoFocus
              spellCheck={false}
            />
            <CheckboxField control={form.control} name="trustDevice" label={t("trustDevice")} />
            <SubmitButton pending={form.formState.isSubmitting} className="w-full">
              {t("verify")}
            </SubmitButton>
            <div className="flex flex-wrap justify-between gap-2 text-sm">
              <Button type="button" variant="link" className="h-auto p-0" onClick={() => switchTo(method === "totp" ? "backupCode" : "totp")}>
                {method === "totp" ? t("useRecoveryCode") : t("useApp")}
              </Button>
              <Button type="button" variant="link" className="h-auto p-0" onClick={onRestart}>
                {t("back")}
              </Button>
            </div>
          </form>
        </Form>
      </CardContent>
    </Card>
  );
}
