"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useHookFormAction } from "@next-safe-action/adapter-react-hook-form/hooks";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { ActionErrorAlert } from "@/components/action-error";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { DialogFooter } from "@/components/ui/dialog";
import { Form } from "@/components/ui/form";
import { SubmitButton } from "@/components/ui/submit-button";
import { createQrCodeSchema, updateQrCodeSchema, type QrCodeDto, type UpdateQrCodeInput } from "@/lib/schemas/qr-codes";
import { createQrCodeAction, updateQrCodeAction } from "@/server/actions/qr-codes";
import { NumberField, type NumberChoice } from "./number-field";
import { QrCodeFields } from "./qr-code-fields";

export type SavedQrCode = { code: QrCodeDto | null; requestId: string | null; previousCode?: string };

/** New code: a number (fixed, or chosen on the space page), the message and the image type. */
export function CreateQrCodeForm({
  spaceId,
  phone,
  numbers,
  onDone,
}: {
  spaceId: string;
  phone?: string;
  numbers: NumberChoice[];
  onDone: (saved: SavedQrCode, phone: string) => void;
}) {
  const t = useTranslations("qrCodes.form");
  const first = phone ?? numbers.find((n) => !n.full)?.phoneNumber ?? "";
  const { form, action, handleSubmitWithAction } = useHookFormAction(createQrCodeAction, zodResolver(createQrCodeSchema), {
    formProps: { defaultValues: { spaceId, phoneNumber: first, prefilledMessage: "", generateQrImage: "PNG" } },
    actionProps: { onSuccess: ({ data, input }) => data && onDone(data, input.phoneNumber) },
  });
  const chosen = form.watch("phoneNumber");
  const businessName = numbers.find((n) => n.phoneNumber === chosen)?.verifiedName ?? null;
  return (
    <Form {...form}>
      <form onSubmit={handleSubmitWithAction} className="space-y-5" noValidate>
        <ActionErrorAlert error={action.result.serverError} />
        {phone ? null : <NumberField control={form.control} numbers={numbers} />}
        <QrCodeFields control={form.control} businessName={businessName} phone={chosen} />
        <DialogFooter>
          <SubmitButton pending={action.isPending}>{t("create")}</SubmitButton>
        </DialogFooter>
      </form>
    </Form>
  );
}

/**
 * Edit a code's message or image type. The vendor warns that the old QR code stops opening the
 * chat after an update, so the change is sent only after a confirmation that says so.
 */
export function UpdateQrCodeForm({
  spaceId,
  code,
  businessName,
  onDone,
}: {
  spaceId: string;
  code: QrCodeDto;
  businessName: string | null;
  onDone: (saved: SavedQrCode) => void;
}) {
  const t = useTranslations("qrCodes.form");
  const tu = useTranslations("qrCodes.update");
  const { form, action } = useHookFormAction(updateQrCodeAction, zodResolver(updateQrCodeSchema), {
    formProps: {
      defaultValues: {
        spaceId,
        phoneNumber: code.phoneNumber,
        qrdlCode: code.qrdlCode,
        prefilledMessage: code.prefilledMessage ?? "",
        generateQrImage: code.generateQrImage === "SVG" ? "SVG" : "PNG",
      },
    },
    actionProps: { onSuccess: ({ data }) => data && onDone(data) },
  });
  // The validated values wait here while the confirmation is open.
  const [pendingValues, setPendingValues] = useState<UpdateQrCodeInput | null>(null);
  const confirm = async () => {
    if (!pendingValues) return;
    await action.executeAsync(pendingValues);
    setPendingValues(null);
  };

  return (
    <Form {...form}>
      <form onSubmit={form.handleSubmit((values) => setPendingValues(values))} className="space-y-5" noValidate>
        <Alert variant="warning" role="note">
          <AlertTitle>{tu("warningTitle")}</AlertTitle>
          <AlertDescription>{tu("warningBody")}</AlertDescription>
        </Alert>
        <ActionErrorAlert error={action.result.serverError} />
        <QrCodeFields control={form.control} businessName={businessName} phone={code.phoneNumber} />
        <DialogFooter>
          <SubmitButton pending={action.isPending} disabled={!form.formState.isDirty}>
            {t("update")}
          </SubmitButton>
        </DialogFooter>
      </form>
      <ConfirmDialog
        open={pendingValues !== null}
        onOpenChange={(open) => !open && !action.isPending && setPendingValues(null)}
        title={tu("confirmTitle", { code: code.qrdlCode })}
        description={
          <div className="space-y-2">
            <p className="font-medium text-foreground">{tu("confirmOldStops")}</p>
            <p>{tu("confirmPrinted")}</p>
          </div>
        }
        confirmLabel={tu("confirm")}
        cancelLabel={tu("cancel")}
        onConfirm={confirm}
      />
    </Form>
  );
}
