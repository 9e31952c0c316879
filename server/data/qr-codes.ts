import "server-only";
import type { QrCode } from "@/lib/cams/wire";
import {
  QR_PAGE_SIZE,
  safeHttpUrl,
  type AllQrPageQuery,
  type AllQrPageResponse,
  type AllQrPageRow,
  type NumberQrCodesResponse,
  type QrCodeDto,
} from "@/lib/schemas/qr-codes";
import { canWrite, type SessionUser } from "@/server/auth/session";
import { getDb } from "@/server/db";
import { pageQrCodes, unreadQrLists } from "@/server/inventory/details-page";
import { numberQrView, revalidateDetails } from "@/server/inventory/read";
import { markRead } from "@/server/inventory/store";
import { wakeSweepWorker } from "@/server/inventory/worker";
import { shownSpaces } from "./all-spaces";

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

/**
 * One page of every readable space's stored codes, searched and paged in SQL over the inventory
 * (server/inventory/details-page.ts), instead of one request per number from the browser. Numbers
 * whose list was never read are counted, and their spaces' details made due for the sweep; the
 * page's spaces are refreshed in the background when old.
 */
export async function pageAllSpacesQrCodes(user: SessionUser, query: AllQrPageQuery): Promise<Omit<AllQrPageResponse, "fetchedAt">> {
  const db = getDb();
  const spaces = await shownSpaces(user, "qr-codes.all");
  const [paged, unread] = await Promise.all([pageQrCodes(db, spaces.shown, query, QR_PAGE_SIZE), unreadQrLists(db, spaces.shown)]);
  if (unread.spaceIds.length) {
    await markRead(db, unread.spaceIds, { due: true, kind: "details" });
    wakeSweepWorker();
  }
  await revalidateDetails(db, [...new Set(paged.rows.map((r) => r.spaceId))]);
  const writable = new Set(spaces.list.filter((s) => canWrite(s.role)).map((s) => s.id));
  const rows = paged.rows.flatMap((r): AllQrPageRow[] => {
    const dto = toQrCodeDto(r.record, r.phoneNumber);
    return dto ? [{ ...dto, phoneNumber: r.phoneNumber, spaceId: r.spaceId, spaceName: r.spaceName, verifiedName: r.verifiedName, canWrite: writable.has(r.spaceId) }] : [];
  });
  return { ...paged, rows, spaces: spaces.list.length, failed: spaces.failed, unread: unread.numbers, observedAt: spaces.observedAt, stale: spaces.stale };
}
