"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useHookFormAction } from "@next-safe-action/adapter-react-hook-form/hooks";
import { useTranslations } from "next-intl";
import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { ActionErrorAlert, useToastActionError } from "@/components/action-error";
import { Button } from "@/components/ui/button";
import { Form, FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { InputField } from "@/components/ui/input-field";
import { Label } from "@/components/ui/label";
import { SubmitButton } from "@/components/ui/submit-button";
import { smtpSettingsSchema, TLS_MODES } from "@/lib/schemas/alert-channels";
import { saveSmtpSettingsAction, sendTestEmailAction } from "@/server/actions/alert-channels";
import { nativeSelectClass } from "@/components/ui/native-select";

const SELECT = `${nativeSelectClass} w-full`;

export interface SmtpFormValues {
  host: string;
  port: number;
  tlsMode: (typeof TLS_MODES)[number];
  username: string;
  sender: string;
  hasPassword: boolean;
}

/** Settings → Alerts: the SMTP server. The password is write-only: empty keeps the stored one. */
export function SmtpSettingsForm({ settings, adminEmail }: { settings: SmtpFormValues | null; adminEmail: string }) {
  const t = useTranslations("alerts.smtp");
  const router = useRouter();
  const toastError = useToastActionError();
  const [testTo, setTestTo] = useState(adminEmail);
  const { form, action, handleSubmitWithAction } = useHookFormAction(saveSmtpSettingsAction, zodResolver(smtpSettingsSchema), {
    formProps: {
      defaultValues: {
        host: settings?.host ?? "",
        port: settings?.port ?? 587,
        tlsMode: settings?.tlsMode ?? "starttls",
        username: settings?.username ?? "",
        password: "",
        sender: settings?.sender ?? "",
      },
    },
    actionProps: {
      onSuccess: () => {
        toast.success(t("saved"));
        form.setValue("password", "");
        router.refresh();
      },
    },
  });
  const test = useAction(sendTestEmailAction, {
    onSuccess: () => toast.success(t("testSent")),
    onError: ({ error }) => toastError(error.serverError, t("test")),
  });
  return (
    <section aria-labelledby="smtp-title" className="max-w-2xl space-y-4">
      <div>
        <h2 id="smtp-title" className="text-lg font-semibold">
          {t("title")}
        </h2>
        <p className="text-sm text-muted-foreground">{t("description")}</p>
      </div>
      <Form {...form}>
        <form onSubmit={handleSubmitWithAction} className="space-y-4" noValidate data-testid="smtp-form">
          <ActionErrorAlert error={action.result.serverError} />
          <div className="grid gap-4 sm:grid-cols-[1fr_8rem]">
            <InputField control={form.control} name="host" label={t("host")} placeholder="smtp.example.com" spellCheck={false} />
            <InputField control={form.control} name="port" label={t("port")} inputMode="numeric" />
          </div>
          <FormField
            control={form.control}
            name="tlsMode"
            render={({ field }) => (
              <FormItem>
                <FormLabel>{t("tlsMode")}</FormLabel>
                <FormControl>
                  <select className={SELECT} {...field}>
                    {TLS_MODES.map((m) => (
                      <option key={m} value={m}>
                        {t(`tls.${m}`)}
                      </option>
                    ))}
                  </select>
                </FormControl>
                <FormMessage />
              </FormItem>
            )}
          />
          <InputField control={form.control} name="username" label={t("username")} autoComplete="off" spellCheck={false} />
          <FormField
            control={form.control}
            name="password"
            render={({ field }) => (
              <FormItem>
                <FormLabel>{t("password")}</FormLabel>
                <FormControl>
                  <Input type="password" autoComplete="new-password" placeholder={settings?.hasPassword ? "••••••••" : undefined} {...field} />
                </FormControl>
                {settings?.hasPassword ? <FormDescription>{t("passwordKept")}</FormDescription> : null}
                <FormMessage />
              </FormItem>
            )}
          />
          <InputField control={form.control} name="sender" label={t("sender")} placeholder="alerts@example.com" type="email" spellCheck={false} />
          <SubmitButton pending={action.isPending}>{t("save")}</SubmitButton>
        </form>
      </Form>
      {settings ? (
        <div className="flex max-w-md items-end gap-2">
          <div className="flex-1 space-y-1">
            <Label htmlFor="smtp-test-to">{t("testTo")}</Label>
            <Input id="smtp-test-to" type="email" value={testTo} onChange={(e) => setTestTo(e.target.value)} />
          </div>
          <Button type="button" variant="outline" disabled={test.isPending || !testTo} onClick={() => test.execute({ to: testTo })}>
            {t("test")}
          </Button>
        </div>
      ) : null}
    </section>
  );
}
