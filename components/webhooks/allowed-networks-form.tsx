"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useHookFormAction } from "@next-safe-action/adapter-react-hook-form/hooks";
import { ShieldAlert } from "lucide-react";
import { useTranslations } from "next-intl";
import { useWatch } from "react-hook-form";
import { toast } from "sonner";
import { ActionErrorAlert } from "@/components/action-error";
import { Form, FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { SubmitButton } from "@/components/ui/submit-button";
import { Textarea } from "@/components/ui/textarea";
import { parseNetworkList } from "@/lib/allowed-networks";
import { allowedNetworksSchema } from "@/lib/schemas/webhooks";
import { setAllowedNetworksAction } from "@/server/actions/webhooks";

/**
 * Settings → Network: the private networks (and ports) that test events and alert webhooks may
 * reach. One entry per line; the field message says what is wrong and the line under it where.
 */
export function AllowedNetworksForm({ networks }: { networks: string[] }) {
  const t = useTranslations("webhooks.networks");
  const { form, action, handleSubmitWithAction } = useHookFormAction(setAllowedNetworksAction, zodResolver(allowedNetworksSchema), {
    formProps: { defaultValues: { networks: networks.join("\n") } },
    actionProps: {
      onSuccess: ({ data }) => {
        if (!data) return;
        // The stored, canonical list becomes the form's clean state.
        form.reset({ networks: data.networks.join("\n") });
        toast.success(t("saved"));
      },
    },
  });
  const text = useWatch({ control: form.control, name: "networks" }) ?? "";
  const hasError = !!form.formState.errors.networks;
  const firstIssue = hasError ? parseNetworkList(text).issues[0] : undefined;
  const saved = action.result.data?.networks ?? networks;
  return (
    <section aria-labelledby="networks-title" className="max-w-2xl space-y-4" data-testid="allowed-networks">
      <div className="space-y-1">
        <h2 id="networks-title" className="text-lg font-semibold">
          {t("title")}
        </h2>
        <p className="text-sm text-muted-foreground">{t("description")}</p>
        <p className="text-xs text-muted-foreground">{t("adminOnly")}</p>
      </div>
      <p className="flex items-start gap-2 rounded-md border border-warning/40 bg-warning/5 p-3 text-sm" data-testid="networks-never">
        <ShieldAlert className="mt-0.5 size-4 shrink-0 text-warning" aria-hidden="true" />
        <span>
          <strong className="font-medium">{t("never")}</strong> {t("bodyHidden")}
        </span>
      </p>
      <Form {...form}>
        <form onSubmit={handleSubmitWithAction} className="space-y-4" noValidate>
          <ActionErrorAlert error={action.result.serverError} />
          <FormField
            control={form.control}
            name="networks"
            render={({ field }) => (
              <FormItem>
                <FormLabel>{t("label")}</FormLabel>
                <FormControl>
                  <Textarea rows={8} spellCheck={false} autoComplete="off" className="font-mono text-sm" placeholder={"10.20.0.0/16\n192.168.1.10/32 ports 8080,8443"} {...field} />
                </FormControl>
                <FormDescription>{t("help")}</FormDescription>
                <FormMessage />
                {firstIssue ? (
                  <p className="text-sm text-destructive" data-testid="networks-issue-line">
                    {t("line", { line: firstIssue.line, text: firstIssue.text })}
                  </p>
                ) : null}
              </FormItem>
            )}
          />
          <div className="flex flex-wrap items-center justify-between gap-2">
            <p className="text-sm text-muted-foreground" data-testid="networks-count" aria-live="polite">
              {saved.length ? t("count", { count: saved.length }) : t("none")}
            </p>
            <SubmitButton pending={action.isPending} disabled={!form.formState.isDirty}>
              {t("save")}
            </SubmitButton>
          </div>
        </form>
      </Form>
    </section>
  );
}
