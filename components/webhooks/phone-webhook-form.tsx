"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useHookFormAction } from "@next-safe-action/adapter-react-hook-form/hooks";
import { useTranslations } from "next-intl";
import { useWatch } from "react-hook-form";
import { toast } from "sonner";
import { SettingsFormCard } from "@/components/settings-form-card";
import { phoneWebhookSchema, type WebhookRow } from "@/lib/schemas/webhooks";
import { updatePhoneWebhookAction } from "@/server/actions/webhooks";
import { FlagField, UrlField } from "./form-fields";
import type { SaveReceipt } from "./held-values";
import { TestDelivery } from "./test-delivery";
import { UnsavedChangesGuard } from "./unsaved-changes-guard";

interface Props {
  spaceId: string;
  row: WebhookRow;
  canWrite: boolean;
  /** After a save: what was sent, the request id, and CAMS's values read back (null if the read failed). */
  onSaved: (receipt: SaveReceipt, now: WebhookRow | null) => void;
}

const valuesOf = (spaceId: string, r: WebhookRow) => ({
  spaceId,
  phoneNumber: r.phoneNumber,
  statusCallbackUrl: r.statusCallbackUrl ?? "",
  upCallbackUrl: r.upCallbackUrl ?? "",
  httpFlag: r.httpFlag,
  queueFlag: r.queueFlag,
});

/** The number's callback settings. Save sends UpdatePhoneWebhook, then shows what CAMS holds afterwards. */
export function PhoneWebhookForm({ spaceId, row, canWrite, onSaved }: Props) {
  const t = useTranslations("webhooks.form");
  const hookForm = useHookFormAction(updatePhoneWebhookAction, zodResolver(phoneWebhookSchema), {
    formProps: { defaultValues: valuesOf(spaceId, row) },
    actionProps: {
      onSuccess: ({ data, input }) => {
        if (!data) return;
        const sent = { statusCallbackUrl: input.statusCallbackUrl.trim(), upCallbackUrl: input.upCallbackUrl.trim(), httpFlag: input.httpFlag, queueFlag: input.queueFlag };
        onSaved({ requestId: data.requestId, at: Date.parse(data.readAt), sent }, data.now);
        // The form now shows CAMS's values, exactly as a reload would.
        if (data.now) form.reset(valuesOf(spaceId, data.now));
        if (data.readError) toast.warning(t("readBackFailed"));
        else toast.success(t("saved"));
      },
    },
  });
  const { form } = hookForm;
  const [statusUrl, upUrl] = useWatch({ control: form.control, name: ["statusCallbackUrl", "upCallbackUrl"] });
  const readOnly = !canWrite;

  return (
    <div className="space-y-6">
      <SettingsFormCard
        className="gap-4"
        t={t}
        hookForm={hookForm}
        canWrite={canWrite}
        spacing="space-y-5"
        note={<p className="text-xs text-muted-foreground">{t("blankKeeps")}</p>}
      >
        <UrlField control={form.control} name="statusCallbackUrl" label={t("statusUrl")} help={t("statusUrlHelp")} readOnly={readOnly} />
        <UrlField control={form.control} name="upCallbackUrl" label={t("inboundUrl")} help={t("inboundUrlHelp")} readOnly={readOnly} />
        <FlagField control={form.control} name="httpFlag" label={t("http")} help={t("httpHelp")} readOnly={readOnly} />
        <FlagField control={form.control} name="queueFlag" label={t("queue")} help={t("queueHelp")} readOnly={readOnly} />
      </SettingsFormCard>
      {canWrite ? <TestDelivery spaceId={spaceId} phoneNumber={row.phoneNumber} targets={{ status: statusUrl, inbound: upUrl }} /> : null}
      <UnsavedChangesGuard dirty={canWrite && form.formState.isDirty} />
    </div>
  );
}
