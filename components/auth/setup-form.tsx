"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useHookFormAction } from "@next-safe-action/adapter-react-hook-form/hooks";
import { useTranslations } from "next-intl";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Form, FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { ActionErrorAlert } from "@/components/action-error";
import { setupSchema } from "@/lib/schemas/auth";
import { createFirstAdminAction } from "@/server/actions/setup";

export function SetupForm() {
  const t = useTranslations("auth");
  const { form, action, handleSubmitWithAction } = useHookFormAction(createFirstAdminAction, zodResolver(setupSchema), {
    formProps: { defaultValues: { setupToken: "", name: "", email: "", password: "", confirmPassword: "" } },
    actionProps: { onSuccess: () => window.location.assign("/") },
  });
  const fields = [
    { name: "setupToken", label: t("setupToken"), type: "password", autoComplete: "off", hint: t("setupTokenHint") },
    { name: "name", label: t("name"), type: "text", autoComplete: "name" },
    { name: "email", label: t("email"), type: "email", autoComplete: "username" },
    { name: "password", label: t("password"), type: "password", autoComplete: "new-password", hint: t("passwordHint") },
    { name: "confirmPassword", label: t("confirmPassword"), type: "password", autoComplete: "new-password" },
  ] as const;
  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h1>{t("setupTitle")}</h1>
        </CardTitle>
        <CardDescription>{t("setupDescription")}</CardDescription>
      </CardHeader>
      <CardContent>
        <Form {...form}>
          <form onSubmit={handleSubmitWithAction} className="space-y-4" noValidate>
            <ActionErrorAlert error={action.result.serverError} />
            {fields.map((f) => (
              <FormField
                key={f.name}
                control={form.control}
                name={f.name}
                render={({ field }) => (
                  <FormItem>
                    <FormLabel>{f.label}</FormLabel>
                    <FormControl>
                      <Input type={f.type} autoComplete={f.autoComplete} {...field} />
                    </FormControl>
                    {"hint" in f ? <FormDescription>{f.hint}</FormDescription> : null}
                    <FormMessage />
                  </FormItem>
                )}
              />
            ))}
            <SubmitButton pending={action.isPending} className="w-full">
              {t("createAdmin")}
            </SubmitButton>
          </form>
        </Form>
      </CardContent>
    </Card>
  );
}
