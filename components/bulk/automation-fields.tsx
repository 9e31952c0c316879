"use client";

import { useTranslations } from "next-intl";
import type { Control, UseFormReturn } from "react-hook-form";
import { CommandsField } from "@/components/automation/commands-field";
import { IceBreakersField } from "@/components/automation/ice-breakers-field";
import { WelcomeMessageField } from "@/components/automation/welcome-field";
import type { AutomationFormInput } from "@/lib/schemas/automation";
import type { CreateBulkJobInput } from "@/lib/schemas/bulk";

/**
 * Step 2 of an automation job: the number tab's own fields. The bulk form holds them under the
 * same names (enableWelcomeMessage, prompts, commands), so the tab's field components serve it.
 */
export function AutomationFields({ form }: { form: UseFormReturn<CreateBulkJobInput> }) {
  const tb = useTranslations("bulk.change");
  const control = form.control as unknown as Control<AutomationFormInput>;
  return (
    <div className="space-y-6">
      <p className="text-sm text-muted-foreground">{tb("automationReplaces")}</p>
      <WelcomeMessageField control={control} />
      <IceBreakersField control={control} readOnly={false} prefilledQrCodes={[]} />
      <CommandsField control={control} readOnly={false} />
    </div>
  );
}
