"use client";

import { useTranslations } from "next-intl";
import type { Control, UseFormReturn } from "react-hook-form";
import { CommandsField } from "@/components/automation/commands-field";
import { IceBreakersField } from "@/components/automation/ice-breakers-field";
import { FormControl, FormDescription, FormField, FormItem, FormLabel } from "@/components/ui/form";
import { Switch } from "@/components/ui/switch";
import type { AutomationFormInput } from "@/lib/schemas/automation";
import type { CreateBulkJobInput } from "@/lib/schemas/bulk";

/**
 * Step 2 of an automation job: the number tab's own fields. The bulk form holds them under the
 * same names (enableWelcomeMessage, prompts, commands), so the tab's field components serve it.
 */
export function AutomationFields({ form }: { form: UseFormReturn<CreateBulkJobInput> }) {
  const t = useTranslations("automation");
  const tb = useTranslations("bulk.change");
  const control = form.control as unknown as Control<AutomationFormInput>;
  return (
    <div className="space-y-6">
      <p className="text-sm text-muted-foreground">{tb("automationReplaces")}</p>
      <FormField
        control={control}
        name="enableWelcomeMessage"
        render={({ field }) => (
          <FormItem className="flex flex-row items-start justify-between gap-4 rounded-lg border p-3">
            <div className="space-y-1">
              <FormLabel>{t("welcome.label")}</FormLabel>
              <FormDescription>{t("welcome.help")}</FormDescription>
              <FormDescription className="font-medium text-foreground/80">{t("welcome.webhook")}</FormDescription>
            </div>
            <FormControl>
              <Switch checked={!!field.value} onCheckedChange={field.onChange} />
            </FormControl>
          </FormItem>
        )}
      />
      <IceBreakersField control={control} readOnly={false} prefilledQrCodes={[]} />
      <CommandsField control={control} readOnly={false} />
    </div>
  );
}
