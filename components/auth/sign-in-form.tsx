"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Form, FormControl, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { authClient } from "@/lib/auth-client";
import { useAuthErrorText } from "@/components/auth-error-text";
import { signInSchema, type SignInInput } from "@/lib/schemas/auth";

export function SignInForm() {
  const t = useTranslations("auth");
  const authErrorText = useAuthErrorText();
  const [error, setError] = useState<string | null>(null);
  const form = useForm<SignInInput>({ resolver: zodResolver(signInSchema), defaultValues: { email: "", password: "" } });

  async function onSubmit(values: SignInInput) {
    setError(null);
    let err;
    try {
      ({ error: err } = await authClient.signIn.email(values));
    } catch {
      err = { status: 0 };
    }
    if (!err) {
      // A full navigation, so the server renders the shell with the new session and locale.
      window.location.assign("/");
      return;
    }
    setError(authErrorText(err));
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
            {error ? (
              <Alert variant="destructive" role="alert" data-testid="sign-in-error">
                <AlertDescription>{error}</AlertDescription>
              </Alert>
            ) : null}
            <FormField
              control={form.control}
              name="email"
              render={({ field }) => (
                <FormItem>
                  <FormLabel>{t("email")}</FormLabel>
                  <FormControl>
                    <Input type="email" autoComplete="username" autoFocus {...field} />
                  </FormControl>
                  <FormMessage />
                </FormItem>
              )}
            />
            <FormField
              control={form.control}
              name="password"
              render={({ field }) => (
                <FormItem>
                  <FormLabel>{t("password")}</FormLabel>
                  <FormControl>
                    <Input type="password" autoComplete="current-password" {...field} />
                  </FormControl>
                  <FormMessage />
                </FormItem>
              )}
            />
            <SubmitButton pending={form.formState.isSubmitting} className="w-full">
              {t("signIn")}
            </SubmitButton>
          </form>
        </Form>
      </CardContent>
    </Card>
  );
}
