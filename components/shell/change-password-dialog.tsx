"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useHookFormAction } from "@next-safe-action/adapter-react-hook-form/hooks";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { ActionErrorAlert } from "@/components/action-error";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Form } from "@/components/ui/form";
import { InputField } from "@/components/ui/input-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { changePasswordSchema } from "@/lib/schemas/account";
import { changeOwnPasswordAction } from "@/server/actions/account";

const FIELDS = [
  ["currentPassword", "currentPassword", "current-password"],
  ["newPassword", "newPassword", "new-password"],
  ["confirmPassword", "confirmNewPassword", "new-password"],
] as const;

function ChangePasswordForm({ onDone }: { onDone: () => void }) {
  const t = useTranslations("account");
  const { form, action, handleSubmitWithAction } = useHookFormAction(changeOwnPasswordAction, zodResolver(changePasswordSchema), {
    formProps: { defaultValues: { currentPassword: "", newPassword: "", confirmPassword: "", revokeOtherSessions: true } },
    actionProps: { onSuccess: onDone },
  });
  return (
    <Form {...form}>
      <form onSubmit={handleSubmitWithAction} className="space-y-4" noValidate>
        <ActionErrorAlert error={action.result.serverError} />
        {FIELDS.map(([name, label, autoComplete]) => (
          <InputField key={name} control={form.control} name={name} label={t(label)} type="password" autoComplete={autoComplete} />
        ))}
        <CheckboxField control={form.control} name="revokeOtherSessions" label={t("revokeOtherSessions")} />
        <DialogFooter>
          <SubmitButton pending={action.isPending}>{t("save")}</SubmitButton>
        </DialogFooter>
      </form>
    </Form>
  );
}

/** Change own password (opened from the user menu). */
export function ChangePasswordDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const t = useTranslations("account");
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent closeLabel={t("close")}>
        <DialogHeader>
          <DialogTitle>{t("changePassword")}</DialogTitle>
          <DialogDescription>{t("changePasswordDescription")}</DialogDescription>
        </DialogHeader>
        {open ? (
          <ChangePasswordForm
            onDone={() => {
              toast.success(t("passwordChanged"));
              onOpenChange(false);
            }}
          />
        ) : null}
      </DialogContent>
    </Dialog>
  );
}
