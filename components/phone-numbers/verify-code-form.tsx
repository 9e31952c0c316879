"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useHookFormAction } from "@next-safe-action/adapter-react-hook-form/hooks";
import { useQueryClient } from "@tanstack/react-query";
import { FlaskConical } from "lucide-react";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { ActionErrorAlert } from "@/components/action-error";
import { useInvalidatePhone, useSandboxCode } from "@/components/phone-numbers/queries";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Form, FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { phoneNumberKeys } from "@/lib/query-keys";
import { verifyCodeSchema, type PhoneNumberDetail } from "@/lib/schemas/phone-numbers";
import { verifyPhoneNumberAction } from "@/server/actions/phone-numbers";

/** Step 2: the 6-digit code, one field (pasting "123 456" works), then ChatappVerifyAndRegister. */
export function VerifyCodeForm({ spaceId, phone, sandbox, onVerified }: { spaceId: string; phone: string; sandbox: boolean; onVerified: () => void }) {
  const t = useTranslations("phoneNumbers.verify");
  const qc = useQueryClient();
  const invalidate = useInvalidatePhone();
  const hint = useSandboxCode(spaceId, phone, sandbox);
  const { form, action, handleSubmitWithAction } = useHookFormAction(verifyPhoneNumberAction, zodResolver(verifyCodeSchema), {
    formProps: { defaultValues: { spaceId, phoneNumber: phone, code: "" } },
    actionProps: {
      onSuccess: ({ data }) => {
        // GetPhoneNumberVerificationStatus's answer, shown at once; the full read follows.
        const status = data?.codeVerificationStatus ?? "VERIFIED";
        qc.setQueryData<PhoneNumberDetail>(phoneNumberKeys.detail(spaceId, phone), (old) => (old ? { ...old, codeVerificationStatus: status } : old));
        toast.success(t("verified"));
        onVerified();
        void invalidate(spaceId, phone);
      },
    },
  });
  const sandboxCode = hint.data?.code;

  return (
    <Form {...form}>
      <form onSubmit={handleSubmitWithAction} className="max-w-md space-y-4" noValidate>
        {sandboxCode ? (
          <Alert data-testid="sandbox-code-hint">
            <FlaskConical aria-hidden="true" />
            <AlertTitle>{t("sandboxTitle")}</AlertTitle>
            <AlertDescription className="flex flex-wrap items-center gap-2">
              <span>
                {t("sandboxBody")} <strong className="font-mono tracking-widest">{sandboxCode}</strong>
              </span>
              <Button type="button" size="sm" variant="outline" onClick={() => form.setValue("code", sandboxCode, { shouldValidate: true })}>
                {t("useSandboxCode")}
              </Button>
            </AlertDescription>
          </Alert>
        ) : null}
        <ActionErrorAlert error={action.result.serverError} />
        <FormField
          control={form.control}
          name="code"
          render={({ field }) => (
            <FormItem>
              <FormLabel>{t("code")}</FormLabel>
              <FormControl>
                <Input
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  maxLength={11}
                  className="w-40 font-mono text-lg tracking-widest"
                  placeholder="123456"
                  {...field}
                />
              </FormControl>
              <FormDescription>{t("codeHint")}</FormDescription>
              <FormMessage />
            </FormItem>
          )}
        />
        <SubmitButton pending={action.isPending}>{t("submit")}</SubmitButton>
      </form>
    </Form>
  );
}
