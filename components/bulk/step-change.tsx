"use client";

import { Bot, KeyRound, Store, Webhook } from "lucide-react";
import { useTranslations } from "next-intl";
import { useWatch, type UseFormReturn } from "react-hook-form";
import { FlagField, UrlField } from "@/components/webhooks/form-fields";
import { BULK_KINDS, type CreateBulkJobInput } from "@/lib/schemas/bulk";
import { cn } from "@/lib/utils";
import { AutomationFields } from "./automation-fields";
import { KeyInput } from "./key-input";
import { ProfileFields } from "./profile-fields";

const ICON = { webhook: Webhook, encryption_key: KeyRound, automation: Bot, profile: Store } as const;

/** Step 2: which change, and its values (the webhook fields are the webhook feature's own). */
export function StepChange({ form }: { form: UseFormReturn<CreateBulkJobInput> }) {
  const t = useTranslations("bulk");
  const kind = useWatch({ control: form.control, name: "kind" });
  return (
    <div className="space-y-6">
      <fieldset>
        <legend className="mb-2 text-sm font-medium">{t("change.operation")}</legend>
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {BULK_KINDS.map((k) => {
            const Icon = ICON[k];
            return (
              <label
                key={k}
                className={cn(
                  "flex cursor-pointer items-start gap-3 rounded-lg border p-4 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-ring",
                  kind === k && "border-primary bg-primary/5",
                )}
              >
                <input
                  type="radio"
                  name="bulk-kind"
                  value={k}
                  checked={kind === k}
                  onChange={() => form.setValue("kind", k, { shouldDirty: true })}
                  className="mt-1 accent-primary"
                />
                <span className="space-y-1">
                  <span className="flex items-center gap-2 font-medium">
                    <Icon className="size-4" aria-hidden="true" />
                    {t(`kinds.${k}`)}
                  </span>
                  <span className="block text-sm text-muted-foreground">{t(`change.${k}Help`)}</span>
                </span>
              </label>
            );
          })}
        </div>
      </fieldset>
      {kind === "webhook" ? (
        <div className="space-y-4">
          <UrlField control={form.control} name="statusCallbackUrl" label={t("change.statusUrl")} help={t("change.statusUrlHelp")} />
          <UrlField control={form.control} name="upCallbackUrl" label={t("change.upUrl")} help={t("change.upUrlHelp")} />
          <FlagField control={form.control} name="httpFlag" label={t("change.http")} help={t("change.httpHelp")} />
          <FlagField control={form.control} name="queueFlag" label={t("change.queue")} help={t("change.queueHelp")} />
          <p className="text-xs text-muted-foreground">{t("change.emptyUnchanged")}</p>
        </div>
      ) : kind === "automation" ? (
        <AutomationFields form={form} />
      ) : kind === "profile" ? (
        <ProfileFields form={form} />
      ) : (
        <KeyInput form={form} />
      )}
    </div>
  );
}
