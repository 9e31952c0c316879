import "server-only";
import type { QrCode } from "@/lib/cams/wire";
import { safeHttpUrl, type NumberQrCodesResponse, type QrCodeDto } from "@/lib/schemas/qr-codes";
import { getDb } from "@/server/db";
import { numberQrView } from "@/server/inventory/read";

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
 * One number's codes from the inventory (ListPhoneMessageQrdl read once when never observed;
 * refreshed in the background when old), with their "as of". The caller has checked read access.
 */
export async function listNumberQrCodes(spaceId: string, phone: string): Promise<NumberQrCodesResponse> {
  const v = await numberQrView(getDb(), spaceId, phone);
  const codes = v.codes.map((q) => toQrCodeDto(q, phone)).filter((q): q is QrCodeDto => q !== null);
  return { codes, notVerified: v.notVerified, fetchedAt: new Date().toISOString(), observedAt: v.observedAt.toISOString(), stale: v.stale, lastError: v.lastError };
}
