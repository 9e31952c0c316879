"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useHookFormAction } from "@next-safe-action/adapter-react-hook-form/hooks";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useWatch } from "react-hook-form";
import { toast } from "sonner";
import { ActionErrorAlert } from "@/components/action-error";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Form } from "@/components/ui/form";
import { SubmitButton } from "@/components/ui/submit-button";
import { webhookKeys } from "@/lib/query-keys";
import { accountWebhookSchema, type AccountWebhookState } from "@/lib/schemas/webhooks";
import { updateAccountWebhookAction } from "@/server/actions/webhooks";
import { FlagField, UrlField } from "./form-fields";
import { TestDelivery } from "./test-delivery";
import { UnsavedChangesGuard } from "./unsaved-changes-guard";

/** The space-level status-report webhook (UpdateAccountWebhook). */
export function AccountWebhookForm({ spaceId, state, canWrite }: { spaceId: string; state: AccountWebhookState | null; canWrite: boolean }) {
  const t = useTranslations("webhooks");
  const qc = useQueryClient();
  const { form, action, handleSubmitWithAction } = useHookFormAction(updateAccountWebhookAction, zodResolver(accountWebhookSchema), {
    formProps: {
      defaultValues: { spaceId, statusCallbackUrl: state?.statusCallbackUrl ?? "", httpFlag: state?.httpFlag ?? "N", queueFlag: state?.queueFlag ?? "N" },
    },
    actionProps: {
      onSuccess: ({ data }) => {
        if (!data) return;
        qc.setQueryData(webhookKeys.account(spaceId), { state: data });
        toast.success(t("space.saved"));
      },
    },
  });
  const statusUrl = useWatch({ control: form.control, name: "statusCallbackUrl" });
  const readOnly = !canWrite;
  return (
    <div className="space-y-6">
      <Card className="gap-4">
        <CardHeader>
          <CardTitle asHeading="h2">{t("space.webhookTitle")}</CardTitle>
          <CardDescription>{t("space.webhookDescription")}</CardDescription>
        </CardHeader>
        <CardContent>
          <Form {...form}>
            <form onSubmit={handleSubmitWithAction} className="space-y-5" noValidate aria-label={t("space.webhookTitle")}>
              <ActionErrorAlert error={action.result.serverError} />
              <UrlField control={form.control} name="statusCallbackUrl" label={t("form.statusUrl")} help={t("space.statusUrlHelp")} readOnly={readOnly} />
              <FlagField control={form.control} name="httpFlag" label={t("form.http")} help={t("space.httpHelp")} readOnly={readOnly} />
              <FlagField control={form.control} name="queueFlag" label={t("form.queue")} help={t("space.queueHelp")} readOnly={readOnly} />
              {canWrite ? (
                <SubmitButton pending={action.isPending} disabled={!form.formState.isDirty}>
                  {t("form.save")}
                </SubmitButton>
              ) : (
                <p className="text-sm text-muted-foreground">{t("form.readOnly")}</p>
              )}
            </form>
          </Form>
        </CardContent>
      </Card>
      {canWrite ? <TestDelivery spaceId={spaceId} targets={{ status: statusUrl }} /> : null}
      <UnsavedChangesGuard dirty={canWrite && form.formState.isDirty} />
    </div>
  );
}
