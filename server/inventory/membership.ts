import "server-only";
import { ActionError } from "@/server/actions/errors";
import type { Db } from "@/server/db/connect";
import { putQrListTx, readQrList, type QrList } from "./details";
import { hasQrCode, storedNumbers, syncStates } from "./store";
import { observeSpace } from "./sync";

/**
 * A number belongs to the space it is named through, and a QR code to its number: checked in the
 * inventory before any per-number CAMS call. An unknown one triggers one refresh of that space
 * (read with the space's own CustSpaceId: nothing of the named number is sent), then the answer.
 * A space observed moments ago is not read again, so a stream of made-up numbers costs nothing.
 */
const RECHECK_AFTER_MS = 10_000;

export async function isNumberOfSpace(db: Db, spaceId: string, phone: string): Promise<boolean> {
  if ((await storedNumbers(db, [spaceId], { phoneNumber: phone })).length) return true;
  const st = (await syncStates(db, [spaceId])).get(spaceId);
  if (st?.observedAt && Date.now() - st.observedAt.getTime() < RECHECK_AFTER_MS) return false;
  const numbers = await observeSpace(db, spaceId, "read");
  return numbers.some((n) => n.phoneNumber === phone);
}

/** Throws the 404 refusal unless the number belongs to the space. */
export async function requireNumberOfSpace(db: Db, spaceId: string, phone: string): Promise<void> {
  if (!(await isNumberOfSpace(db, spaceId, phone))) throw new ActionError("numberNotInSpace", { httpStatus: 404 });
}

// Live QR reads made for a membership check, per space and number, in this process.
const qrChecked = new Map<string, number>();

/** The number's QR codes as CAMS holds them now (ListPhoneMessageQrdl), stored in the inventory (source read). */
export async function readQrCodes(db: Db, spaceId: string, phone: string): Promise<QrList> {
  const list = await readQrList(db, spaceId, phone);
  await db.transaction((tx) => putQrListTx(tx, spaceId, phone, list, "read"));
  qrChecked.set(`${spaceId}\u0000${phone}`, Date.now());
  return list;
}

/** Throws the 404 refusal unless the number belongs to the space and the code to the number. */
export async function requireQrCodeOfNumber(db: Db, spaceId: string, phone: string, qrdlCode: string): Promise<void> {
  await requireNumberOfSpace(db, spaceId, phone);
  if (await hasQrCode(db, spaceId, phone, qrdlCode)) return;
  const last = qrChecked.get(`${spaceId}\u0000${phone}`) ?? 0;
  const known = Date.now() - last >= RECHECK_AFTER_MS && (await readQrCodes(db, spaceId, phone)).codes.some((c) => c.qrdlCode === qrdlCode);
  if (!known) throw new ActionError("qrCodeNotOfNumber", { httpStatus: 404 });
}
