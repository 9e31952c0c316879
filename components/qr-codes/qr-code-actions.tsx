"use client";

import { useAction } from "next-safe-action/hooks";
import { Pencil, Plus, Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { toast } from "sonner";
import { useToastActionError } from "@/components/action-error";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { formatPhoneNumber } from "@/lib/phone";
import { cn } from "@/lib/utils";
import { MAX_QR_PER_NUMBER, type QrCodeDto } from "@/lib/schemas/qr-codes";
import { deleteQrCodeAction } from "@/server/actions/qr-codes";
import type { NumberChoice } from "./number-field";
import { CreateQrCodeForm, UpdateQrCodeForm, type SavedQrCode } from "./qr-code-forms";
import { useInvalidateQrCodes } from "./queries";
import { qrUpdateOutcome } from "./update-outcome";

export type CreateBlock = "loading" | "notVerified" | "limit" | "noNumber" | null;

/** Why a new code cannot be made right now, if it cannot. */
export function createBlock({ loading, notVerified, choices }: { loading: boolean; notVerified?: boolean; choices: NumberChoice[] }): CreateBlock {
  if (loading) return "loading";
  if (notVerified) return "notVerified";
  if (choices.length === 0) return "noNumber";
  if (choices.every((n) => n.full)) return "limit";
  return null;
}

/**
 * "New QR code". When it cannot be used, the reason is written next to it (a disabled button
 * cannot show a tooltip to keyboard or touch users), e.g. the 2,000-codes-per-number limit.
 */
export function CreateQrCodeButton({ spaceId, phone, choices, block }: { spaceId: string; phone?: string; choices: NumberChoice[]; block: CreateBlock }) {
  const t = useTranslations("qrCodes");
  const [open, setOpen] = useState(false);
  const invalidate = useInvalidateQrCodes();
  const reasonId = useId();
  const done = (saved: SavedQrCode, number: string) => {
    setOpen(false);
    toast.success(t("create.done", { code: saved.code?.qrdlCode ?? "" }));
    void invalidate(spaceId, number);
  };
  const reason = block && block !== "loading" ? t(`create.blocked.${block}`, { max: MAX_QR_PER_NUMBER }) : null;
  return (
    <div className="flex flex-col items-end gap-1">
      <Dialog open={open} onOpenChange={setOpen}>
        <DialogTrigger asChild>
          <Button disabled={block !== null} aria-busy={block === "loading" || undefined} aria-describedby={reason ? reasonId : undefined}>
            <Plus aria-hidden="true" />
            {t("create.button")}
          </Button>
        </DialogTrigger>
        <DialogContent closeLabel={t("close")} className="sm:max-w-3xl">
          <DialogHeader>
            <DialogTitle>{t("create.title")}</DialogTitle>
            <DialogDescription>{phone ? t("create.descriptionFor", { phone: formatPhoneNumber(phone) }) : t("create.description")}</DialogDescription>
          </DialogHeader>
          {open ? <CreateQrCodeForm spaceId={spaceId} phone={phone} numbers={choices} onDone={done} /> : null}
        </DialogContent>
      </Dialog>
      {reason ? (
        <p id={reasonId} className="max-w-xs text-right text-xs text-muted-foreground" data-testid="create-blocked">
          {reason}
        </p>
      ) : null}
    </div>
  );
}

/** `compact` (table rows): an icon button; its accessible name and tooltip still name the code. */
export function EditQrCodeButton({ spaceId, code, businessName, compact }: { spaceId: string; code: QrCodeDto; businessName: string | null; compact?: boolean }) {
  const t = useTranslations("qrCodes");
  const [open, setOpen] = useState(false);
  const invalidate = useInvalidateQrCodes();
  const done = (saved: SavedQrCode) => {
    setOpen(false);
    // Said from CAMS's answer, not from what the vendor's page predicts.
    const outcome = qrUpdateOutcome(saved.previousCode ?? code.qrdlCode, saved.code);
    if (outcome.kind === "replaced") {
      toast.success(t("update.doneReplaced", { old: outcome.previous, code: outcome.code }), {
        description: t("update.doneReplacedBody", { old: outcome.previous, code: outcome.code }),
        duration: 15_000,
      });
    } else if (outcome.kind === "kept") {
      toast.success(t("update.doneKept", { code: outcome.code }), { description: t("update.doneKeptBody"), duration: 10_000 });
    } else {
      toast.warning(t("update.doneUnknown", { code: outcome.previous }), { description: t("update.doneUnknownBody"), duration: 15_000 });
    }
    // The lists and the number's page read CAMS again, so they show the code CAMS now holds.
    void invalidate(spaceId, code.phoneNumber);
  };
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button
          variant="outline"
          size={compact ? "icon" : "sm"}
          className={compact ? "size-8" : undefined}
          aria-label={t("update.buttonLabel", { code: code.qrdlCode })}
          title={compact ? t("update.buttonLabel", { code: code.qrdlCode }) : undefined}
        >
          <Pencil aria-hidden="true" />
          {compact ? null : t("update.button")}
        </Button>
      </DialogTrigger>
      <DialogContent closeLabel={t("close")} className="sm:max-w-3xl">
        <DialogHeader>
          <DialogTitle>{t("update.title", { code: code.qrdlCode })}</DialogTitle>
          <DialogDescription>{t("update.description", { phone: formatPhoneNumber(code.phoneNumber) })}</DialogDescription>
        </DialogHeader>
        {open ? <UpdateQrCodeForm spaceId={spaceId} code={code} businessName={businessName} onDone={done} /> : null}
      </DialogContent>
    </Dialog>
  );
}

export function DeleteQrCodeButton({ spaceId, code, compact }: { spaceId: string; code: QrCodeDto; compact?: boolean }) {
  const t = useTranslations("qrCodes.delete");
  const toastError = useToastActionError();
  const invalidate = useInvalidateQrCodes();
  const action = useAction(deleteQrCodeAction);
  return (
    <ConfirmDialog
      trigger={
        <Button
          variant="outline"
          size={compact ? "icon" : "sm"}
          className={cn("text-destructive hover:text-destructive", compact && "size-8")}
          aria-label={t("buttonLabel", { code: code.qrdlCode })}
          title={compact ? t("buttonLabel", { code: code.qrdlCode }) : undefined}
        >
          <Trash2 aria-hidden="true" />
          {compact ? null : t("button")}
        </Button>
      }
      title={t("title", { code: code.qrdlCode })}
      description={
        <div className="space-y-2">
          <p>{t("body", { code: code.qrdlCode, phone: formatPhoneNumber(code.phoneNumber) })}</p>
          {code.prefilledMessage ? <p className="rounded-md bg-muted px-3 py-2 text-foreground">“{code.prefilledMessage}”</p> : null}
          <p className="font-medium text-foreground">{t("printed")}</p>
        </div>
      }
      confirmLabel={t("confirm")}
      destructive
      onConfirm={async () => {
        const result = await action.executeAsync({ spaceId, phoneNumber: code.phoneNumber, qrdlCode: code.qrdlCode });
        if (result?.data) {
          toast.success(t("done", { code: code.qrdlCode }));
          await invalidate(spaceId, code.phoneNumber);
        } else {
          toastError(result?.serverError, t("failed"));
        }
      }}
    />
  );
}
