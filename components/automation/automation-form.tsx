"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useHookFormAction } from "@next-safe-action/adapter-react-hook-form/hooks";
import { useTranslations } from "next-intl";
import { useWatch } from "react-hook-form";
import { toast } from "sonner";
import { SettingsFormCard } from "@/components/settings-form-card";
import { Separator } from "@/components/ui/separator";
import { UnsavedChangesGuard } from "@/components/webhooks/unsaved-changes-guard";
import { automationFormSchema, formValuesOf, type AutomationDto, type AutomationResponse } from "@/lib/schemas/automation";
import { updateAutomationAction } from "@/server/actions/automation";
import { AutomationPreview } from "./automation-preview";
import { CommandsField } from "./commands-field";
import { IceBreakersField } from "./ice-breakers-field";
import { WelcomeMessageField } from "./welcome-field";

interface Props {
  spaceId: string;
  data: AutomationResponse;
  businessName: string | null;
  canWrite: boolean;
  /** After a save: CAMS's settings read back (null when that read failed). */
  onSaved: (now: AutomationDto | null) => void;
}

/** Welcome switch, ice breakers and commands. Save sends UpdateConversationalAutomation, then shows what CAMS holds. */
export function AutomationForm({ spaceId, data, businessName, canWrite, onSaved }: Props) {
  const t = useTranslations("automation");
  const defaults = { spaceId, phoneNumber: data.phoneNumber, ...formValuesOf(data.settings) };
  const hookForm = useHookFormAction(updateAutomationAction, zodResolver(automationFormSchema), {
    formProps: { defaultValues: defaults },
    actionProps: {
      onSuccess: ({ data: r }) => {
        if (!r) return;
        // The form now shows CAMS's values, exactly as a reload would.
        if (r.now) form.reset({ spaceId, phoneNumber: data.phoneNumber, ...formValuesOf(r.now) });
        onSaved(r.now);
        if (r.readError) toast.warning(t("readBackFailed"));
        else toast.success(t("saved"));
      },
    },
  });
  const { form } = hookForm;
  const [welcome, prompts, commands] = useWatch({ control: form.control, name: ["enableWelcomeMessage", "prompts", "commands"] });
  const readOnly = !canWrite;

  return (
    <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
      <SettingsFormCard
        className="gap-4"
        t={t}
        hookForm={hookForm}
        canWrite={canWrite}
      >
        <WelcomeMessageField control={form.control} readOnly={readOnly} />
        <Separator />
        <IceBreakersField control={form.control} readOnly={readOnly} prefilledQrCodes={data.prefilledQrCodes} />
        <Separator />
        <CommandsField control={form.control} readOnly={readOnly} />
      </SettingsFormCard>
      <div className="space-y-2 lg:sticky lg:top-4">
        <h3 className="text-sm font-medium text-muted-foreground">{t("preview.title")}</h3>
        <AutomationPreview
          businessName={businessName}
          phone={data.phoneNumber}
          welcome={!!welcome}
          prompts={(prompts ?? []).map((p) => p.text ?? "")}
          commands={(commands ?? []).map((c) => ({ name: c.name ?? "", description: c.description ?? "" }))}
        />
      </div>
      <UnsavedChangesGuard dirty={canWrite && form.formState.isDirty} />
    </div>
  );
}
