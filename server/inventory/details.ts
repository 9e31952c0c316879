import "server-only";
import { and, eq, inArray, notInArray, sql } from "drizzle-orm";
import { anyOf } from "@/server/db/any-of";
import pLimit from "p-limit";
import type { QrCode } from "@/lib/cams/wire";
import { describePublicKey } from "@/lib/pem";
import { isKnownUnverified, NOT_VERIFIED_CODE, type KeyState } from "@/lib/schemas/encryption-keys";
import { mayHaveQrCodes } from "@/lib/schemas/qr-codes";
import { isCamsError } from "@/server/cams/errors";
import { camsForSpace } from "@/server/cams/for-space";
import { withLane, type Lane } from "@/server/cams/lane";
import type { Db } from "@/server/db/connect";
import { excludedSet } from "@/server/db/excluded";
import { inventoryHealth, inventoryKeys, inventoryProfiles, inventoryQrCodes, inventoryQrLists, inventorySyncs } from "@/server/db/schema";
import type { ProfileView } from "@/lib/schemas/profile";
import { isSkipped, recordDetailChanges } from "@/server/alerts/details-history";
import { putHealthTx, readHealth, writeHealthRows, type NumberHealth } from "./health";
import { putProfileTx, readProfile, writeProfileRows } from "./profile";
import { toShownError } from "@/server/safe-error";
import { recordSyncError, storedNumbers, syncStates, type Source } from "./store";
import { observeSpace } from "./sync";

/**
 * Per-number details in the inventory: the encryption key (GetPhoneEncryptionPublicKey), the
 * message QR codes (ListPhoneMessageQrdl), the health (GetWhatsappHealthStatus) and the business
 * profile (QueryPhoneBusinessProfile). The first three allow 5 calls a second per account, so they
 * are swept far less often than number lists (INVENTORY_DETAILS_EVERY_S), per space under the
 * "details" sync row; one failed call fails the space's sweep, which keeps every stored record and
 * marks them stale. CAMS refusing a not-yet-verified number is a state ("notVerified"), not a failure.
 */

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

export interface QrList {
  codes: QrCode[];
  notVerified: boolean;
}

export interface NumberDetails {
  phoneNumber: string;
  key: KeyState;
  qr: QrList;
  /** GetWhatsappHealthStatus; null for a number CAMS does not know as verified (no call, nothing stored). */
  health: NumberHealth | null;
  /** QueryPhoneBusinessProfile; null for a number CAMS does not know as verified. */
  profile: ProfileView | null;
}

/** What GetPhoneEncryptionPublicKey returned, as the state the UI shows. */
export function toKeyState(pem: string | null, status: string | null): KeyState {
  if (!pem) return { state: "none" };
  const described = describePublicKey(pem);
  return {
    state: "key",
    status,
    key: { pem, keyType: described?.info.keyType ?? null, bits: described?.info.bits ?? null, fingerprint: described?.fingerprint ?? null },
  };
}

const notVerified = (err: unknown) => isCamsError(err) && err.code === NOT_VERIFIED_CODE;

/** GetPhoneEncryptionPublicKey of one number, in the caller's lane; a not verified number is a state. */
export async function readKey(db: Db, spaceId: string, phone: string): Promise<KeyState> {
  const { client } = await camsForSpace(db, spaceId);
  try {
    const { data } = await client.getEncryptionPublicKey({ phoneNumber: phone });
    return toKeyState(data.encryptionPublicKey, data.encryptionPublicKeyStatus);
  } catch (err) {
    if (notVerified(err)) return { state: "notVerified" };
    throw err;
  }
}

/** ListPhoneMessageQrdl of one number; a not verified number has none. */
export async function readQrList(db: Db, spaceId: string, phone: string): Promise<QrList> {
  const { client } = await camsForSpace(db, spaceId);
  try {
    const { data } = await client.listQrCodes({ phoneNumber: phone });
    return { codes: data.filter((c) => c.qrdlCode), notVerified: false };
  } catch (err) {
    if (notVerified(err)) return { codes: [], notVerified: true };
    throw err;
  }
}

/** Stores one number's key, recording its change in the history first (an answer older than the one held is dropped). */
export async function putKeyTx(tx: Tx | Db, spaceId: string, phone: string, key: KeyState, source: Source, at = new Date()): Promise<void> {
  await tx.transaction(async (t) => {
    const diff = await recordDetailChanges(t, spaceId, [{ phoneNumber: phone, key }], source, at);
    if (!isSkipped(diff, phone, "key")) await writeKeyRows(t, spaceId, [{ phone, key }], source, at);
  });
}

/** Stores numbers' keys in one statement (each row with its number). */
async function writeKeyRows(tx: Tx | Db, spaceId: string, rows: { phone: string; key: KeyState }[], source: Source, at: Date): Promise<void> {
  if (!rows.length) return;
  await tx
    .insert(inventoryKeys)
    .values(
      rows.map(({ phone, key }) => ({
        spaceId,
        phoneNumber: phone,
        state: key.state,
        publicKey: key.state === "key" ? key.key.pem : null,
        keyStatus: key.state === "key" ? key.status : null,
        fingerprint: key.state === "key" ? key.key.fingerprint : null,
        observedAt: at,
        source,
      })),
    )
    .onConflictDoUpdate({ target: [inventoryKeys.spaceId, inventoryKeys.phoneNumber], set: excludedSet(inventoryKeys, ["state", "publicKey", "keyStatus", "fingerprint", "observedAt", "source"]) });
}

/** A number's whole QR list from one answer, its changes recorded in the history first. */
export async function putQrListTx(tx: Tx | Db, spaceId: string, phone: string, list: QrList, source: Source, at = new Date()): Promise<void> {
  await tx.transaction(async (t) => {
    const diff = await recordDetailChanges(t, spaceId, [{ phoneNumber: phone, qr: list }], source, at);
    if (!isSkipped(diff, phone, "qr")) await writeQrLists(t, spaceId, [{ phone, list }], source, at);
  });
}

/** Numbers' whole QR lists: their seen codes upserted, gone ones deleted, each list stamped (three statements for any number of lists). */
async function writeQrLists(tx: Tx | Db, spaceId: string, lists: { phone: string; list: QrList }[], source: Source, at: Date): Promise<void> {
  if (!lists.length) return;
  const q = inventoryQrCodes;
  const seen = lists.flatMap(({ phone, list }) => list.codes.filter((c) => c.qrdlCode).map((c) => ({ phone, code: c })));
  const theirs = and(eq(q.spaceId, spaceId), inArray(q.phoneNumber, lists.map((l) => l.phone)));
  const kept = sql.join(seen.map(({ phone, code }) => sql`(${phone}, ${code.qrdlCode!})`), sql`, `);
  await tx.delete(q).where(seen.length ? and(theirs, sql`(${q.phoneNumber}, ${q.qrdlCode}) NOT IN (${kept})`) : theirs);
  if (seen.length) {
    await tx
      .insert(q)
      .values(seen.map(({ phone, code }) => ({ spaceId, phoneNumber: phone, qrdlCode: code.qrdlCode!, record: code, prefilledMessage: code.prefilledMessage, observedAt: at, source })))
      .onConflictDoUpdate({ target: [q.spaceId, q.phoneNumber, q.qrdlCode], set: excludedSet(q, ["record", "prefilledMessage", "observedAt", "source"]) });
  }
  await tx
    .insert(inventoryQrLists)
    .values(lists.map(({ phone, list }) => ({ spaceId, phoneNumber: phone, notVerified: list.notVerified, observedAt: at, source })))
    .onConflictDoUpdate({ target: [inventoryQrLists.spaceId, inventoryQrLists.phoneNumber], set: excludedSet(inventoryQrLists, ["notVerified", "observedAt", "source"]) });
}

/** The details of a space's numbers as CAMS holds them now, a few calls in flight (the limiter paces them). */
export async function readSpaceDetails(db: Db, spaceId: string, lane: Lane): Promise<NumberDetails[] | null> {
  const states = await syncStates(db, [spaceId]);
  if (!states.get(spaceId)?.observedAt) return null;
  const numbers = (await storedNumbers(db, [spaceId])).map((n) => n.record);
  const limit = pLimit(4);
  return withLane(lane, () =>
    Promise.all(
      numbers.map((n) =>
        limit(async (): Promise<NumberDetails> => {
          const phone = n.phoneNumber!;
          // Known unverified numbers cannot have a key or codes: no call is spent on them.
          const unverified = isKnownUnverified(n.codeVerificationStatus);
          const [key, qr, health, profile] = await Promise.all([
            unverified ? ({ state: "notVerified" } as const) : readKey(db, spaceId, phone),
            mayHaveQrCodes(n.codeVerificationStatus) ? readQrList(db, spaceId, phone) : { codes: [], notVerified: true },
            unverified ? null : readHealth(db, spaceId, phone),
            unverified ? null : readProfile(db, spaceId, phone),
          ]);
          return { phoneNumber: phone, key, qr, health, profile };
        }),
      ),
    ),
  );
}

const observedStamp = (at: Date) => ({ observedAt: at, lastError: null, lastErrorAt: null, attempts: 0 });

/**
 * Stores one space's details (every number's key, QR list, health and profile) in one transaction,
 * their changes recorded in the history first (what is held read in one query per kind); numbers
 * no longer in the answer lose theirs; the details sync row is stamped observed. `at`: when the
 * reads began, so a number's detail stored since (a change's read-back) is kept, not overwritten.
 */
export async function writeSpaceDetailsTx(tx: Tx, spaceId: string, details: NumberDetails[], source: Source, at = new Date()): Promise<void> {
  const diff = await recordDetailChanges(
    tx,
    spaceId,
    details.map((d) => ({ phoneNumber: d.phoneNumber, key: d.key, qr: d.qr, ...(d.health ? { health: d.health } : {}), ...(d.profile ? { profile: d.profile } : {}) })),
    source,
    at,
    { wholeSpace: true },
  );
  const kept = (kind: "key" | "qr" | "health" | "profile") => details.filter((d) => !isSkipped(diff, d.phoneNumber, kind));
  await writeKeyRows(tx, spaceId, kept("key").map((d) => ({ phone: d.phoneNumber, key: d.key })), source, at);
  await writeQrLists(tx, spaceId, kept("qr").map((d) => ({ phone: d.phoneNumber, list: d.qr })), source, at);
  await writeHealthRows(tx, spaceId, kept("health").flatMap((d) => (d.health ? [{ phone: d.phoneNumber, health: d.health }] : [])), source, at);
  await writeProfileRows(tx, spaceId, kept("profile").flatMap((d) => (d.profile ? [{ phone: d.phoneNumber, profile: d.profile }] : [])), source, at);
  const phones = details.map((d) => d.phoneNumber);
  for (const t of [inventoryKeys, inventoryQrLists, inventoryQrCodes, inventoryHealth, inventoryProfiles]) {
    await tx.delete(t).where(phones.length ? and(eq(t.spaceId, spaceId), notInArray(t.phoneNumber, phones)) : eq(t.spaceId, spaceId));
  }
  await tx
    .insert(inventorySyncs)
    .values({ spaceId, kind: "details", ...observedStamp(at), dueAt: at })
    .onConflictDoUpdate({ target: [inventorySyncs.spaceId, inventorySyncs.kind], set: observedStamp(at) });
}

// Details reads on demand of one space in flight in this process ("Refresh now" of several people).
const onDemand = new Map<string, Promise<NumberDetails[]>>();

/**
 * Reads a space's details from CAMS now (a person asked: "Refresh now", or a view of a space never
 * swept) and stores them; the number list is read first when it was never observed. A failure is
 * recorded on the space's details (the data stays, marked stale) and thrown.
 */
export function observeSpaceDetails(db: Db, spaceId: string): Promise<NumberDetails[]> {
  const running = onDemand.get(spaceId);
  if (running) return running;
  const p = (async () => {
    try {
      const at = new Date();
      let details = await readSpaceDetails(db, spaceId, "person");
      if (!details) {
        await observeSpace(db, spaceId, "read");
        details = (await readSpaceDetails(db, spaceId, "person")) ?? [];
      }
      await db.transaction((tx) => writeSpaceDetailsTx(tx, spaceId, details, "read", at));
      return details;
    } catch (err) {
      await recordSyncError(db, spaceId, "details", toShownError(err, { what: "inventory.details" })).catch(() => {});
      throw err;
    }
  })();
  onDemand.set(spaceId, p);
  void p.finally(() => onDemand.get(spaceId) === p && onDemand.delete(spaceId)).catch(() => {});
  return p;
}

/**
 * One number's key and QR list read from CAMS now and stored (source read): "Refresh now" on a
 * number's tab costs its two calls, not the space's. The caller has checked membership.
 */
export async function observeNumberDetails(db: Db, spaceId: string, phone: string): Promise<NumberDetails> {
  try {
    const at = new Date();
    const [key, qr, health, profile] = await Promise.all([readKey(db, spaceId, phone), readQrList(db, spaceId, phone), readHealth(db, spaceId, phone), readProfile(db, spaceId, phone)]);
    await db.transaction(async (tx) => {
      await putKeyTx(tx, spaceId, phone, key, "read", at);
      await putQrListTx(tx, spaceId, phone, qr, "read", at);
      if (health) await putHealthTx(tx, spaceId, phone, health, "read", at);
      if (profile) await putProfileTx(tx, spaceId, phone, profile, "read", at);
    });
    return { phoneNumber: phone, key, qr, health, profile };
  } catch (err) {
    await recordSyncError(db, spaceId, "details", toShownError(err, { what: "inventory.details" })).catch(() => {});
    throw err;
  }
}

export interface StoredKey {
  phoneNumber: string;
  key: KeyState;
  observedAt: Date;
  source: Source;
}

/** The stored keys of some spaces' numbers (optionally one number). */
export async function storedKeys(db: Db, spaceIds: string[], phone?: string): Promise<Map<string, StoredKey>> {
  if (!spaceIds.length) return new Map();
  const k = inventoryKeys;
  const rows = await db
    .select()
    .from(k)
    .where(and(anyOf(k.spaceId, spaceIds), phone ? eq(k.phoneNumber, phone) : undefined));
  return new Map(
    rows.map((r) => {
      const key: KeyState =
        r.state === "key" && r.publicKey ? toKeyState(r.publicKey, r.keyStatus) : r.state === "notVerified" ? { state: "notVerified" } : { state: "none" };
      return [`${r.spaceId}\u0000${r.phoneNumber}`, { phoneNumber: r.phoneNumber, key, observedAt: r.observedAt, source: r.source as Source }];
    }),
  );
}

export const detailKey = (spaceId: string, phone: string) => `${spaceId}\u0000${phone}`;

export interface StoredQrList extends QrList {
  observedAt: Date;
}

/** One number's stored QR list, or null when it was never observed. */
export async function storedQrList(db: Db, spaceId: string, phone: string): Promise<StoredQrList | null> {
  const [list] = await db
    .select()
    .from(inventoryQrLists)
    .where(and(eq(inventoryQrLists.spaceId, spaceId), eq(inventoryQrLists.phoneNumber, phone)));
  if (!list) return null;
  const q = inventoryQrCodes;
  const codes = await db
    .select({ record: q.record })
    .from(q)
    .where(and(eq(q.spaceId, spaceId), eq(q.phoneNumber, phone)))
    .orderBy(q.qrdlCode);
  return { codes: codes.map((c) => c.record as QrCode), notVerified: list.notVerified, observedAt: list.observedAt };
}
