"use server";

import { createQrCodeSchema, deleteQrCodeSchema, updateQrCodeSchema } from "@/lib/schemas/qr-codes";
import { toQrCodeDto } from "@/server/data/qr-codes";
import { getDb } from "@/server/db";
import { requireNumberOfSpace, requireQrCodeOfNumber } from "@/server/inventory/membership";
import { applyQrChange } from "@/server/inventory/store";
import { camsChange, spaceWriteActionClient } from "./safe-action";

// Every call goes out with the space's own CustSpaceId (camsChange) after the action client has
// checked that the caller may write in that space, and the inventory that the number is the space's
// and the code the number's, so a number or a code of another space cannot be reached from here.
// What CAMS answered is stored in the inventory (the new code; a retired or deleted one dropped). None of these is retried by the client: a repeated create would make a second
// code, and a repeated update could retire the code the first one returned.

export const createQrCodeAction = spaceWriteActionClient
  .metadata({ name: "qrCodes.create" })
  .inputSchema(createQrCodeSchema)
  .action(async ({ parsedInput: { spaceId: _s, ...input }, ctx, metadata }) => {
    void _s;
    await requireNumberOfSpace(getDb(), ctx.spaceId, input.phoneNumber);
    const { data, requestId } = await camsChange({ ctx, metadata }, { target: input.phoneNumber, input }, (cams) => cams.createQrCode(input));
    await applyQrChange(getDb(), ctx.spaceId, input.phoneNumber, { put: data });
    return { code: toQrCodeDto(data, input.phoneNumber), requestId: requestId ?? null };
  });

export const updateQrCodeAction = spaceWriteActionClient
  .metadata({ name: "qrCodes.update" })
  .inputSchema(updateQrCodeSchema)
  .action(async ({ parsedInput: { spaceId: _s, ...input }, ctx, metadata }) => {
    void _s;
    await requireQrCodeOfNumber(getDb(), ctx.spaceId, input.phoneNumber, input.qrdlCode);
    const { data, requestId } = await camsChange({ ctx, metadata }, { target: input.phoneNumber, input }, (cams) => cams.updateQrCode(input));
    await applyQrChange(getDb(), ctx.spaceId, input.phoneNumber, { put: data, drop: input.qrdlCode });
    // CAMS may answer with a new code (the old one stops working): the UI shows what came back.
    return { code: toQrCodeDto(data, input.phoneNumber), previousCode: input.qrdlCode, requestId: requestId ?? null };
  });

export const deleteQrCodeAction = spaceWriteActionClient
  .metadata({ name: "qrCodes.delete" })
  .inputSchema(deleteQrCodeSchema)
  .action(async ({ parsedInput: { spaceId: _s, ...input }, ctx, metadata }) => {
    void _s;
    await requireQrCodeOfNumber(getDb(), ctx.spaceId, input.phoneNumber, input.qrdlCode);
    const { requestId } = await camsChange({ ctx, metadata }, { target: input.phoneNumber, input }, (cams) => cams.deleteQrCode(input));
    await applyQrChange(getDb(), ctx.spaceId, input.phoneNumber, { drop: input.qrdlCode });
    return { qrdlCode: input.qrdlCode, requestId: requestId ?? null };
  });
