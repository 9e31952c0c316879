"use client";

import { useTranslations } from "next-intl";
import type { Control } from "react-hook-form";
import { FormControl, FormDescription, FormField, FormItem, FormLabel } from "@/components/ui/form";
import { Switch } from "@/components/ui/switch";
import type { AutomationFormInput } from "@/lib/schemas/automation";

/** The welcome-message switch, with what it does and that the webhook must answer (the number's tab and a bulk job). */
export function WelcomeMessageField({ control, readOnly = false }: { control: Control<AutomationFormInput>; readOnly?: boolean }) {
  const t = useTranslations("automation");
  return (
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
            <Switch checked={!!field.value} onCheckedChange={field.onChange} disabled={readOnly} />
          </FormControl>
        </FormItem>
      )}
    />
  );
}
