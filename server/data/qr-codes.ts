import "server-only";
import type { QrCode } from "@/lib/cams/wire";
import { safeHttpUrl, type NumberQrCodesResponse, type QrCodeDto } from "@/lib/schemas/qr-codes";
import { isCamsError } from "@/server/cams/errors";
import { getDb } from "@/server/db";
import { readQrCodes } from "@/server/inventory/membership";

/** CAMS's answer for a number that has not been verified: it cannot have codes, so it has none. */
const NOT_VERIFIED = "InvalidParameter.PhoneNumberNotVerified";

export function toQrCodeDto(q: QrCode, phone: string): QrCodeDto | null {
  if (!q.qrdlCode) return null;
  return {
    phoneNumber: q.phoneNumber ?? phone,
    qrdlCode: q.qrdlCode,
    generateQrImage: q.generateQrImage,
    prefilledMessage: q.prefilledMessage,
    deepLinkUrl: safeHttpUrl(q.deepLinkUrl),
    qrImageUrl: safeHttpUrl(q.qrImageUrl),
  };
}

/**
 * ListPhoneMessageQrdl for one number of the space (scoped to the space's CustSpaceId, so a number
 * of another space cannot be read through it). The caller has checked read access.
 */
export async function listNumberQrCodes(spaceId: string, phone: string): Promise<NumberQrCodesResponse> {
  const fetchedAt = new Date().toISOString();
  try {
    const data = await readQrCodes(getDb(), spaceId, phone);
    const codes = data.map((q) => toQrCodeDto(q, phone)).filter((q): q is QrCodeDto => q !== null);
    return { codes, notVerified: false, fetchedAt };
  } catch (err) {
    if (isCamsError(err) && err.code === NOT_VERIFIED) return { codes: [], notVerified: true, fetchedAt };
    throw err;
  }
}
