"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useHookFormAction } from "@next-safe-action/adapter-react-hook-form/hooks";
import { useTranslations } from "next-intl";
import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { useWatch } from "react-hook-form";
import { toast } from "sonner";
import { ActionErrorAlert, useToastActionError } from "@/components/action-error";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { Button } from "@/components/ui/button";
import { CopyableCode } from "@/components/ui/copy-button";
import { Form, FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { InputField } from "@/components/ui/input-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { Textarea } from "@/components/ui/textarea";
import { SSO_ACCESS, SSO_ROLES, ssoSettingsSchema, type SsoSettingsDto } from "@/lib/schemas/sso";
import { removeSsoSettingsAction, saveSsoSettingsAction } from "@/server/actions/sso";
import { nativeSelectClass } from "@/components/ui/native-select";

const SELECT = `${nativeSelectClass} w-full`;

/**
 * Settings → Sign-on: one OpenID Connect provider (authorization code + PKCE). The client secret
 * is write-only: the page only knows whether one is stored; empty keeps it.
 */
export function SsoForm({ settings, redirectUri }: { settings: SsoSettingsDto | null; redirectUri: string }) {
  const t = useTranslations("sso");
  const router = useRouter();
  const toastError = useToastActionError();
  const { form, action, handleSubmitWithAction } = useHookFormAction(saveSsoSettingsAction, zodResolver(ssoSettingsSchema), {
    formProps: {
      defaultValues: {
        name: settings?.name ?? "",
        issuer: settings?.issuer ?? "",
        clientId: settings?.clientId ?? "",
        clientSecret: "",
        access: settings?.access ?? "existing",
        domains: settings?.domains.join("\n") ?? "",
        defaultRole: settings?.defaultRole ?? "user",
      },
    },
    actionProps: {
      onSuccess: () => {
        toast.success(t("saved"));
        form.setValue("clientSecret", "");
        router.refresh();
      },
    },
  });
  const remove = useAction(removeSsoSettingsAction, {
    onSuccess: () => {
      toast.success(t("removed"));
      router.refresh();
    },
    onError: ({ error }) => toastError(error.serverError, t("removeFailed")),
  });
  const access = useWatch({ control: form.control, name: "access" });
  return (
    <section aria-labelledby="sso-title" className="max-w-2xl space-y-4">
      <div>
        <h2 id="sso-title" className="text-lg font-semibold">
          {t("title")}
        </h2>
        <p className="text-sm text-muted-foreground">{t("description")}</p>
      </div>
      <div className="space-y-1 rounded-md border p-3 text-sm">
        <p className="text-muted-foreground">{t("redirectUriHint")}</p>
        <CopyableCode value={redirectUri} label={t("copyRedirectUri")} copiedLabel={t("copied")} testId="sso-redirect-uri" className="text-xs" />
      </div>
      <Form {...form}>
        <form onSubmit={handleSubmitWithAction} className="space-y-4" noValidate>
          <ActionErrorAlert error={action.result.serverError} />
          <InputField control={form.control} name="name" label={t("name")} placeholder="Okta" />
          <InputField control={form.control} name="issuer" label={t("issuer")} placeholder="https://login.example.com" spellCheck={false} />
          <InputField control={form.control} name="clientId" label={t("clientId")} spellCheck={false} autoComplete="off" />
          <FormField
            control={form.control}
            name="clientSecret"
            render={({ field }) => (
              <FormItem>
                <FormLabel>{t("clientSecret")}</FormLabel>
                <FormControl>
                  <Input type="password" autoComplete="new-password" spellCheck={false} placeholder={settings?.hasSecret ? "••••••••" : undefined} {...field} />
                </FormControl>
                {settings?.hasSecret ? <FormDescription>{t("secretKeep")}</FormDescription> : null}
                <FormMessage />
              </FormItem>
            )}
          />
          <FormField
            control={form.control}
            name="access"
            render={({ field }) => (
              <FormItem>
                <FormLabel>{t("access")}</FormLabel>
                <FormControl>
                  <select className={SELECT} {...field}>
                    {SSO_ACCESS.map((a) => (
                      <option key={a} value={a}>
                        {t(`access_${a}`)}
                      </option>
                    ))}
                  </select>
                </FormControl>
                <FormMessage />
              </FormItem>
            )}
          />
          {access === "domains" ? (
            <>
              <FormField
                control={form.control}
                name="domains"
                render={({ field }) => (
                  <FormItem>
                    <FormLabel>{t("domains")}</FormLabel>
                    <FormControl>
                      <Textarea rows={3} spellCheck={false} placeholder="example.com" {...field} />
                    </FormControl>
                    <FormDescription>{t("domainsHint")}</FormDescription>
                    <FormMessage />
                  </FormItem>
                )}
              />
              <FormField
                control={form.control}
                name="defaultRole"
                render={({ field }) => (
                  <FormItem>
                    <FormLabel>{t("defaultRole")}</FormLabel>
                    <FormControl>
                      <select className={SELECT} {...field}>
                        {SSO_ROLES.map((r) => (
                          <option key={r} value={r}>
                            {t(`role_${r}`)}
                          </option>
                        ))}
                      </select>
                    </FormControl>
                    <FormMessage />
                  </FormItem>
                )}
              />
            </>
          ) : null}
          <div className="flex flex-wrap justify-between gap-2">
            <SubmitButton pending={action.isPending}>{t("save")}</SubmitButton>
            {settings ? (
              <ConfirmDialog
                trigger={
                  <Button type="button" variant="outline">
                    {t("remove")}
                  </Button>
                }
                title={t("removeTitle")}
                description={t("removeBody")}
                confirmLabel={t("remove")}
                destructive
                onConfirm={() => remove.executeAsync({})}
              />
            ) : null}
          </div>
        </form>
      </Form>
    </section>
  );
}
