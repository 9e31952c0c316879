"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useHookFormAction } from "@next-safe-action/adapter-react-hook-form/hooks";
import { Eraser, FileUp } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { ActionErrorAlert } from "@/components/action-error";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { Button } from "@/components/ui/button";
import { Form } from "@/components/ui/form";
import { SubmitButton } from "@/components/ui/submit-button";
import { checkEncryptionPublicKey } from "@/lib/pem";
import { formatPhoneNumber } from "@/lib/phone";
import { updateEncryptionKeySchema, type KeyOrigin } from "@/lib/schemas/encryption-keys";
import { updateEncryptionKeyAction } from "@/server/actions/encryption-keys";
import { KeyPreview } from "./key-preview";
import { FingerprintChange } from "./fingerprint-change";
import { PublicKeyField, usePublicKeyField } from "./pem-input";

type Review = { publicKey: string; fingerprint: string; origin: KeyOrigin };

/**
 * Paste or load a public key, review the fingerprints, update. The validator runs on every change
 * (a pasted private key is refused on the spot) and nothing is sent until the confirmation: the
 * request then carries only the canonical public key PEM.
 */
export function KeyUpdateForm({
  spaceId,
  phone,
  currentFingerprint,
  onUpdated,
}: {
  spaceId: string;
  phone: string;
  currentFingerprint: string | null;
  onUpdated: () => void;
}) {
  const t = useTranslations("encryptionKeys.update");
  const [review, setReview] = useState<Review | null>(null);
  const { form, action } = useHookFormAction(updateEncryptionKeyAction, zodResolver(updateEncryptionKeySchema), {
    formProps: { mode: "onChange", defaultValues: { spaceId, phoneNumber: phone, publicKey: "", origin: "pasted" } },
    actionProps: {
      onSuccess: () => {
        toast.success(t("success"));
        form.reset({ spaceId, phoneNumber: phone, publicKey: "", origin: "pasted" });
        onUpdated();
      },
    },
  });
  const keyField = usePublicKeyField(form, "pem-file-input");
  const { text, check, picker } = keyField;

  const onSubmit = form.handleSubmit((values) => {
    const r = checkEncryptionPublicKey(values.publicKey);
    if (r.ok) setReview({ publicKey: r.pem, fingerprint: r.fingerprint, origin: values.origin });
  });


  return (
    <Form {...form}>
      <form onSubmit={onSubmit} className="space-y-4" noValidate aria-label={t("title")}>
        <ActionErrorAlert error={action.result.serverError} />
        <PublicKeyField form={form} keyField={keyField} label={t("label")} hint={t("hint")} rows={8} />
        {picker.input}
        {check ? <KeyPreview check={check} currentFingerprint={currentFingerprint} /> : null}
        <div className="flex flex-wrap items-center gap-2">
          <SubmitButton pending={action.isPending} disabled={!text}>
            {t("submit")}
          </SubmitButton>
          <Button type="button" variant="outline" onClick={picker.open}>
            <FileUp aria-hidden="true" />
            {t("file")}
          </Button>
          {text ? (
            <Button
              type="button"
              variant="ghost"
              onClick={() => {
                form.reset({ spaceId, phoneNumber: phone, publicKey: "", origin: "pasted" });
                action.reset();
              }}
            >
              <Eraser aria-hidden="true" />
              {t("clear")}
            </Button>
          ) : null}
        </div>
      </form>
      <ConfirmDialog
        open={review !== null}
        onOpenChange={(o) => !o && setReview(null)}
        title={t("confirmTitle", { phone: formatPhoneNumber(phone) })}
        description={t("confirmBody")}
        confirmLabel={t("confirm")}
        onConfirm={async () => {
          if (!review) return;
          await action.executeAsync({ spaceId, phoneNumber: phone, publicKey: review.publicKey, origin: review.origin });
          setReview(null);
        }}
      >
        <FingerprintChange oldFingerprint={currentFingerprint} newFingerprint={review?.fingerprint ?? ""} />
      </ConfirmDialog>
    </Form>
  );
}
