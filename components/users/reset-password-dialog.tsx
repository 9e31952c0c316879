"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useHookFormAction } from "@next-safe-action/adapter-react-hook-form/hooks";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { ActionErrorAlert } from "@/components/action-error";
import { Button } from "@/components/ui/button";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { CopyableCode } from "@/components/ui/copy-button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Form, FormControl, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { resetPasswordSchema } from "@/lib/schemas/account";
import { resetUserPasswordAction } from "@/server/actions/users";

function ResetForm({ userId, email, onGenerated, onDone }: { userId: string; email: string; onGenerated: (pw: string) => void; onDone: () => void }) {
  const t = useTranslations("account");
  const { form, action, handleSubmitWithAction } = useHookFormAction(resetUserPasswordAction, zodResolver(resetPasswordSchema), {
    formProps: { defaultValues: { userId, generate: false, password: "" } },
    actionProps: {
      onSuccess: ({ data }) => {
        toast.success(t("resetDone", { email }));
        if (data?.generated) onGenerated(data.generated);
        else onDone();
      },
    },
  });
  const generate = form.watch("generate");
  return (
    <Form {...form}>
      <form onSubmit={handleSubmitWithAction} className="space-y-4" noValidate>
        <ActionErrorAlert error={action.result.serverError} />
        <CheckboxField control={form.control} name="generate" label={t("generate")} />
        {generate ? null : (
          <FormField
            control={form.control}
            name="password"
            render={({ field }) => (
              <FormItem>
                <FormLabel>{t("newPassword")}</FormLabel>
                <FormControl>
                  <Input type="password" autoComplete="new-password" {...field} value={field.value ?? ""} />
                </FormControl>
                <FormMessage />
              </FormItem>
            )}
          />
        )}
        <DialogFooter>
          <SubmitButton pending={action.isPending} variant="destructive">
            {t("reset")}
          </SubmitButton>
        </DialogFooter>
      </form>
    </Form>
  );
}

/** An admin resets another user's password (typed or generated, shown once); that user is signed out. */
export function ResetPasswordDialog({ userId, email }: { userId: string; email: string }) {
  const t = useTranslations("account");
  const [open, setOpen] = useState(false);
  const [generated, setGenerated] = useState<string | null>(null);
  const change = (next: boolean) => {
    setOpen(next);
    // The generated password is gone once the dialog closes.
    if (!next) setGenerated(null);
  };
  return (
    <Dialog open={open} onOpenChange={change}>
      <DialogTrigger asChild>
        <Button variant="outline" size="sm" aria-label={`${t("resetPassword")}: ${email}`}>
          {t("resetPassword")}
        </Button>
      </DialogTrigger>
      <DialogContent closeLabel={t("close")}>
        <DialogHeader>
          <DialogTitle>{t("resetPasswordTitle", { email })}</DialogTitle>
          <DialogDescription>{t("resetPasswordDescription")}</DialogDescription>
        </DialogHeader>
        {generated ? (
          <div className="space-y-3">
            <p className="text-sm">{t("generatedOnce")}</p>
            <CopyableCode value={generated} label={t("copyPassword")} copiedLabel={t("copied")} testId="generated-password" className="rounded bg-muted px-2 py-1 text-sm" />
            <DialogFooter>
              <Button onClick={() => change(false)}>{t("close")}</Button>
            </DialogFooter>
          </div>
        ) : open ? (
          <ResetForm userId={userId} email={email} onGenerated={setGenerated} onDone={() => change(false)} />
        ) : null}
      </DialogContent>
    </Dialog>
  );
}
