"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Form } from "@/components/ui/form";
import { FormAlert, InputField } from "@/components/ui/input-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { authClient } from "@/lib/auth-client";
import { useAuthErrorText } from "@/components/auth-error-text";
import { signInSchema, type SignInInput } from "@/lib/schemas/auth";
import { TwoFactorStep } from "./two-factor-step";
import { SsoButton, ssoErrorText } from "./sso-button";

export function SignInForm({ sso = null, ssoError = null }: { sso?: string | null; ssoError?: string | null }) {
  const t = useTranslations("auth");
  const tSso = useTranslations("sso");
  const authErrorText = useAuthErrorText();
  const [error, setError] = useState<string | null>(ssoError ? ssoErrorText(tSso, ssoError) : null);
  // The password was right and the account has two-factor on: the code comes next.
  const [secondStep, setSecondStep] = useState(false);
  const form = useForm<SignInInput>({ resolver: zodResolver(signInSchema), defaultValues: { email: "", password: "" } });

  async function onSubmit(values: SignInInput) {
    setError(null);
    let err;
    let data;
    try {
      ({ data, error: err } = await authClient.signIn.email(values));
    } catch {
      err = { status: 0 };
    }
    if (!err && data && "twoFactorRedirect" in data && data.twoFactorRedirect) {
      setSecondStep(true);
      return;
    }
    if (!err) {
      // A full navigation, so the server renders the shell with the new session and locale.
      window.location.assign("/");
      return;
    }
    setError(authErrorText(err));
  }

  if (secondStep) {
    return (
      <TwoFactorStep
        onRestart={() => {
          setSecondStep(false);
          form.setValue("password", "");
        }}
      />
    );
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h1>{t("signInTitle")}</h1>
        </CardTitle>
        <CardDescription>{t("signInDescription")}</CardDescription>
      </CardHeader>
      <CardContent>
        <Form {...form}>
          <form onSubmit={form.handleSubmit(onSubmit)} className="space-y-4" noValidate>
            <FormAlert testId="sign-in-error">{error}</FormAlert>
            <InputField control={form.control} name="email" label={t("email")} type="email" autoComplete="username" autoFocus />
            <InputField control={form.control} name="password" label={t("password")} type="password" autoComplete="current-password" />
            <SubmitButton pending={form.formState.isSubmitting} className="w-full">
              {t("signIn")}
            </SubmitButton>
            {sso ? <SsoButton name={sso} onError={(e) => setError(authErrorText(e))} /> : null}
          </form>
        </Form>
      </CardContent>
    </Card>
  );
}
