"use client";

import { useTranslations } from "next-intl";
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
} from "@/components/ui/alert-dialog";
import { Spinner } from "@/components/ui/spinner";
import { formatPhoneNumber } from "@/lib/phone";
import { FingerprintChange } from "./fingerprint-change";

/** The last step before UpdatePhoneEncryptionPublicKey: which key is replaced by which. */
export function KeyConfirmDialog({
  phone,
  open,
  oldFingerprint,
  newFingerprint,
  pending,
  onCancel,
  onConfirm,
}: {
  phone: string;
  open: boolean;
  oldFingerprint: string | null;
  newFingerprint: string;
  pending: boolean;
  onCancel: () => void;
  onConfirm: () => Promise<void>;
}) {
  const t = useTranslations("encryptionKeys.update");
  const tc = useTranslations("common");
  return (
    <AlertDialog open={open} onOpenChange={(o) => !o && !pending && onCancel()}>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>{t("confirmTitle", { phone: formatPhoneNumber(phone) })}</AlertDialogTitle>
          <AlertDialogDescription>{t("confirmBody")}</AlertDialogDescription>
        </AlertDialogHeader>
        <FingerprintChange oldFingerprint={oldFingerprint} newFingerprint={newFingerprint} />
        <AlertDialogFooter>
          <AlertDialogCancel disabled={pending}>{tc("cancel")}</AlertDialogCancel>
          <AlertDialogAction
            disabled={pending}
            aria-busy={pending || undefined}
            onClick={(e) => {
              e.preventDefault();
              void onConfirm();
            }}
          >
            {pending ? <Spinner /> : null}
            {t("confirm")}
          </AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
