"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { toast } from "sonner";
import { ActionErrorAlert, useToastActionError } from "@/components/action-error";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Form, FormControl, FormField, FormItem, FormLabel } from "@/components/ui/form";
import { InputField } from "@/components/ui/input-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { ALERT_KINDS } from "@/lib/alerts";
import { alertChannelFormSchema, toAlertChannelInput, type AlertChannelFormValues, type AlertChannelRow } from "@/lib/schemas/alert-channels";
import { rotateAlertWebhookSecretAction, saveAlertChannelAction } from "@/server/actions/alert-channels";
import { nativeSelectClass } from "@/components/ui/native-select";

const SELECT = `${nativeSelectClass} w-full`;
const GLOBAL = "";

const valuesOf = (channels: AlertChannelRow[], spaceId: string | null, kind: AlertChannelFormValues["kind"]): AlertChannelFormValues => {
  const c = channels.find((x) => x.spaceId === spaceId && x.kind === kind);
  return { spaceId, kind, emailUserIds: c?.emailUserIds ?? [], emailAddresses: c?.emailAddresses.join(", ") ?? "", webhookUrl: c?.webhookUrl ?? "" };
};

/**
 * Settings → Alerts: where one rule's alerts go (for every space or one space): chosen users and
 * typed addresses by e-mail, and a signed webhook whose secret is shown once, here.
 */
export function AlertChannelsForm({ channels, spaces, users }: { channels: AlertChannelRow[]; spaces: { id: string; name: string }[]; users: { id: string; name: string; email: string }[] }) {
  const t = useTranslations("alerts");
  const router = useRouter();
  const toastError = useToastActionError();
  const [secret, setSecret] = useState<string | null>(null);
  const form = useForm<AlertChannelFormValues>({ resolver: zodResolver(alertChannelFormSchema), defaultValues: valuesOf(channels, null, ALERT_KINDS[0]) });
  const [spaceId, kind] = useWatch({ control: form.control, name: ["spaceId", "kind"] });
  const stored = channels.find((x) => x.spaceId === spaceId && x.kind === kind);
  // Choosing another rule or scope shows what is stored for it. New stored channels (the page
  // refreshed after any save on it, e.g. the SMTP form's) replace the fields only while nothing was
  // typed into them: a refresh landing mid-typing wiped the addresses already entered.
  const shown = useRef<string | null>(null);
  const dirty = form.formState.isDirty; // read while rendering: react-hook-form tracks it from then on
  useEffect(() => {
    const scope = `${spaceId ?? ""}|${kind}`;
    if (shown.current === scope && dirty) return;
    shown.current = scope;
    form.reset(valuesOf(channels, spaceId, kind));
  }, [channels, spaceId, kind, form, dirty]);
  const save = useAction(saveAlertChannelAction, {
    onSuccess: ({ data }) => {
      toast.success(t("channels.saved"));
      if (data?.secret) setSecret(data.secret);
      router.refresh();
    },
  });
  const rotate = useAction(rotateAlertWebhookSecretAction, {
    onSuccess: ({ data }) => setSecret(data?.secret ?? null),
    onError: ({ error }) => toastError(error.serverError, t("channels.rotate")),
  });
  return (
    <section aria-labelledby="alert-channels-title" className="max-w-2xl space-y-4">
      <div>
        <h2 id="alert-channels-title" className="text-lg font-semibold">
          {t("channels.title")}
        </h2>
        <p className="text-sm text-muted-foreground">{t("channels.description")}</p>
      </div>
      {secret ? (
        <Alert data-testid="alert-webhook-secret">
          <AlertTitle>{t("channels.secretTitle")}</AlertTitle>
          <AlertDescription className="space-y-1">
            <p>{t("channels.secretOnce")}</p>
            <div className="flex items-center gap-2">
              <code className="break-all font-mono text-xs" data-testid="alert-webhook-secret-value">
                {secret}
              </code>
              <CopyButton text={secret} label={t("channels.secretTitle")} copiedLabel="✓" />
            </div>
          </AlertDescription>
        </Alert>
      ) : null}
      <Form {...form}>
        <form onSubmit={form.handleSubmit((v) => save.execute(toAlertChannelInput(v)))} className="space-y-4" noValidate data-testid="alert-channels-form">
          <ActionErrorAlert error={save.result.serverError} />
          <div className="grid gap-4 sm:grid-cols-2">
            <FormField
              control={form.control}
              name="kind"
              render={({ field }) => (
                <FormItem>
                  <FormLabel>{t("channels.rule")}</FormLabel>
                  <FormControl>
                    <select className={SELECT} {...field}>
                      {ALERT_KINDS.map((k) => (
                        <option key={k} value={k}>
                          {t(`alert.${k}`)}
                        </option>
                      ))}
                    </select>
                  </FormControl>
                </FormItem>
              )}
            />
            <FormField
              control={form.control}
              name="spaceId"
              render={({ field }) => (
                <FormItem>
                  <FormLabel>{t("channels.scope")}</FormLabel>
                  <FormControl>
                    <select className={SELECT} value={field.value ?? GLOBAL} onChange={(e) => field.onChange(e.target.value || null)}>
                      <option value={GLOBAL}>{t("channels.everySpace")}</option>
                      {spaces.map((s) => (
                        <option key={s.id} value={s.id}>
                          {s.name}
                        </option>
                      ))}
                    </select>
                  </FormControl>
                </FormItem>
              )}
            />
          </div>
          <FormField
            control={form.control}
            name="emailUserIds"
            render={({ field }) => (
              <FormItem>
                <FormLabel>{t("channels.users")}</FormLabel>
                <div className="max-h-40 space-y-1 overflow-y-auto rounded-md border p-2">
                  {users.map((u) => (
                    <label key={u.id} className="flex items-center gap-2 text-sm">
                      <input
                        type="checkbox"
                        checked={field.value.includes(u.id)}
                        onChange={(e) => field.onChange(e.target.checked ? [...field.value, u.id] : field.value.filter((x) => x !== u.id))}
                      />
                      {u.name} <span className="text-muted-foreground">{u.email}</span>
                    </label>
                  ))}
                </div>
              </FormItem>
            )}
          />
          <InputField
            control={form.control}
            name="emailAddresses"
            label={t("channels.addresses")}
            spellCheck={false}
            placeholder="ops@example.com, oncall@example.com"
            description={[t("channels.addressesHelp")]}
          />
          <InputField
            control={form.control}
            name="webhookUrl"
            label={t("channels.webhookUrl")}
            spellCheck={false}
            placeholder="https://alerts.example.com/cams"
            description={[t("channels.webhookHelp"), stored?.hasSecret ? t("channels.hasSecret") : null]}
          />
          <div className="flex gap-2">
            <SubmitButton pending={save.isPending}>{t("channels.save")}</SubmitButton>
            {stored?.hasSecret ? (
              <Button type="button" variant="outline" disabled={rotate.isPending} onClick={() => rotate.execute({ spaceId, kind })}>
                {t("channels.rotate")}
              </Button>
            ) : null}
          </div>
        </form>
      </Form>
    </section>
  );
}
