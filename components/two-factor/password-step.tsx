"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useAuthErrorText } from "@/components/auth-error-text";
import { Form } from "@/components/ui/form";
import { FormAlert, InputField } from "@/components/ui/input-field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { AuthClientError } from "@/lib/auth-errors";
import { twoFactorPasswordSchema, type TwoFactorPasswordInput } from "@/lib/schemas/two-factor";

/**
 * The account password before a two-factor change (setup, turning it off). `run` calls the auth
 * library and returns its error, if any: a wrong password shows at the field, the rest above it.
 */
export function PasswordStep({ submitLabel, run, destructive }: { submitLabel: string; run: (password: string) => Promise<AuthClientError | null>; destructive?: boolean }) {
  const t = useTranslations("twoFactor");
  const authErrorText = useAuthErrorText();
  const [error, setError] = useState<string | null>(null);
  const form = useForm<TwoFactorPasswordInput>({ resolver: zodResolver(twoFactorPasswordSchema), defaultValues: { password: "" } });
  async function onSubmit({ password }: TwoFactorPasswordInput) {
    setError(null);
    let err: AuthClientError | null;
    try {
      err = await run(password);
    } catch {
      err = { status: 0 };
    }
    if (!err) return;
    if (err.code === "INVALID_PASSWORD") form.setError("password", { message: t("wrongPassword") }, { shouldFocus: true });
    else setError(authErrorText(err));
  }
  return (
    <Form {...form}>
      <form onSubmit={form.handleSubmit(onSubmit)} className="space-y-4" noValidate>
        <FormAlert>{error}</FormAlert>
        <InputField control={form.control} name="password" label={t("password")} type="password" autoComplete="current-password" autoFocus />
        <SubmitButton pending={form.formState.isSubmitting} variant={destructive ? "destructive" : "default"}>
          {submitLabel}
        </SubmitButton>
      </form>
    </Form>
  );
}
