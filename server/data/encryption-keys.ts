import "server-only";
import { createPublicKey } from "node:crypto";
import { and, desc, eq, inArray } from "drizzle-orm";
import { env } from "@/lib/env";
import { REQUIRED_RSA_BITS } from "@/lib/pem";
import {
  KEY_ORIGINS,
  KEY_PAGE_SIZE,
  type AllKeysPageQuery,
  type AllKeysPageResponse,
  type EncryptionKeyResponse,
  type KeyNumbersResponse,
  type KeyOrigin,
  type LastKeyChange,
} from "@/lib/schemas/encryption-keys";
import type { SessionUser } from "@/server/auth/session";
import { withLane } from "@/server/cams/lane";
import { getDb } from "@/server/db";
import { detailKey, putKeyTx, readKey, storedKeys } from "@/server/inventory/details";
import { pageKeys } from "@/server/inventory/details-page";
import { numberKeyView, revalidateDetails, spaceKeysView } from "@/server/inventory/read";
import { markRead } from "@/server/inventory/store";
import { auditEvents, user as users } from "@/server/db/schema";
import { shownSpaces } from "./all-spaces";
import { listPhoneNumbers } from "./phone-numbers";

/** The audit operation of a key update; "last changed here" is read back from it. */
export const KEY_UPDATE_OPERATION = "encryptionKeys.update";
/** The bulk worker's audit operation for one number's key (server/jobs/perform.ts): a change made here too. */
const BULK_KEY_OPERATION = "bulk.encryptionKey";

/**
 * One number's key from the inventory (read from CAMS once when never observed; refreshed in the
 * background when old), with its "as of". The caller has checked read access.
 */
export async function getEncryptionKey(spaceId: string, phoneNumber: string): Promise<Omit<EncryptionKeyResponse, "phoneNumber" | "lastChange" | "fetchedAt">> {
  const v = await numberKeyView(getDb(), spaceId, phoneNumber);
  return { result: v.key, requestId: null, observedAt: v.observedAt.toISOString(), stale: v.stale, lastError: v.lastError };
}

/** What the number's key endpoint and tab show: the stored key and its last change here. */
export async function keyResponse(spaceId: string, phoneNumber: string): Promise<EncryptionKeyResponse> {
  const [key, lastChange] = await Promise.all([getEncryptionKey(spaceId, phoneNumber), lastKeyChange(spaceId, phoneNumber)]);
  return { phoneNumber, ...key, lastChange, fetchedAt: new Date().toISOString() };
}

/**
 * The fingerprint of the key CAMS holds now, for the audit record of a change: the inventory's,
 * when it was observed within INVENTORY_DETAILS_FRESH_S (no call: a key upload then costs the
 * update and its read-back only), else read live; null when there is none or it cannot be read.
 */
export async function currentFingerprint(spaceId: string, phoneNumber: string): Promise<string | null> {
  const stored = (await storedKeys(getDb(), [spaceId], phoneNumber)).get(detailKey(spaceId, phoneNumber));
  if (stored && Date.now() - stored.observedAt.getTime() <= env.INVENTORY_DETAILS_FRESH_S * 1000) {
    return stored.key.state === "key" ? stored.key.key.fingerprint : null;
  }
  try {
    const result = await readKey(getDb(), spaceId, phoneNumber);
    return result.state === "key" ? result.key.fingerprint : null;
  } catch {
    // The update itself decides whether CAMS is reachable; the audit then just lacks the old value.
    return null;
  }
}

/**
 * After a key upload: the key as CAMS now holds it goes into the inventory (source readback), so
 * the page shows the new key and its status; when that read fails the details are made due.
 */
export async function readBackKey(spaceId: string, phoneNumber: string): Promise<void> {
  const db = getDb();
  try {
    const key = await withLane("change", () => readKey(db, spaceId, phoneNumber));
    await putKeyTx(db, spaceId, phoneNumber, key, "readback");
  } catch {
    await markRead(db, [spaceId], { due: true, kind: "details" }).catch(() => {});
  }
}

/** node:crypto's opinion, on top of the shared validator: both must agree before a key is sent. */
export function nodeAcceptsRsa2048(pem: string): boolean {
  try {
    const key = createPublicKey({ key: pem, format: "pem" });
    return key.type === "public" && key.asymmetricKeyType === "rsa" && key.asymmetricKeyDetails?.modulusLength === REQUIRED_RSA_BITS;
  } catch {
    return false;
  }
}

type AuditRow = {
  at: Date;
  operation: string;
  email: string | null;
  name: string | null;
  requestId: string | null;
  target: string | null;
  input: unknown;
};

const changeColumns = {
  at: auditEvents.at,
  operation: auditEvents.operation,
  email: auditEvents.userEmail,
  name: users.name,
  requestId: auditEvents.requestId,
  target: auditEvents.target,
  input: auditEvents.input,
};

function toChange(r: AuditRow): LastKeyChange {
  const input = (r.input ?? {}) as { newFingerprint?: unknown; origin?: unknown };
  return {
    at: r.at.toISOString(),
    by: r.name && r.email ? `${r.name} (${r.email})` : (r.email ?? r.name),
    requestId: r.requestId,
    fingerprint: typeof input.newFingerprint === "string" ? input.newFingerprint : null,
    origin: KEY_ORIGINS.includes(input.origin as KeyOrigin) ? (input.origin as KeyOrigin) : null,
    bulk: r.operation === BULK_KEY_OPERATION,
  };
}

const okKeyUpdates = (spaceId: string) =>
  and(eq(auditEvents.spaceId, spaceId), inArray(auditEvents.operation, [KEY_UPDATE_OPERATION, BULK_KEY_OPERATION]), eq(auditEvents.outcome, "ok"));

/** The newest successful key update made through this console (one by one or in bulk) for one number. */
export async function lastKeyChange(spaceId: string, phoneNumber: string): Promise<LastKeyChange | null> {
  const [r] = await getDb()
    .select(changeColumns)
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.userId))
    .where(and(okKeyUpdates(spaceId), eq(auditEvents.target, phoneNumber)))
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(1);
  return r ? toChange(r) : null;
}

/** The same for every number of a space (or only the given numbers of it), in one query. */
export async function lastKeyChanges(spaceId: string, phones?: string[]): Promise<Map<string, LastKeyChange>> {
  if (phones && !phones.length) return new Map();
  const rows = await getDb()
    .selectDistinctOn([auditEvents.target], changeColumns)
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.userId))
    .where(and(okKeyUpdates(spaceId), phones ? inArray(auditEvents.target, phones) : undefined))
    .orderBy(auditEvents.target, desc(auditEvents.at), desc(auditEvents.id));
  return new Map(rows.filter((r) => r.target).map((r) => [r.target!, toChange(r)]));
}

/**
 * The space's numbers with their stored key (null: never observed, the browser asks for that one)
 * and their last change here, from the inventory in three queries.
 */
export async function listKeyNumbers(spaceId: string): Promise<Omit<KeyNumbersResponse, "fetchedAt">> {
  const [numbers, changes, { keys, meta }] = await Promise.all([listPhoneNumbers(spaceId), lastKeyChanges(spaceId), spaceKeysView(getDb(), spaceId)]);
  return {
    numbers: numbers.map((n) => ({
      phoneNumber: n.phoneNumber,
      verifiedName: n.verifiedName,
      status: n.status,
      codeVerificationStatus: n.codeVerificationStatus,
      lastChange: changes.get(n.phoneNumber) ?? null,
      result: keys.get(detailKey(spaceId, n.phoneNumber))?.key ?? null,
    })),
    observedAt: meta.observedAt?.toISOString() ?? null,
    stale: meta.stale,
    lastError: meta.lastError,
  };
}

/**
 * One page of every readable space's numbers with their stored keys and last change here, paged
 * in SQL over the inventory (server/inventory/details-page.ts); the page's spaces get their
 * details refreshed in the background when old. A number with no stored key comes with `result:
 * null` (the browser asks for that one, as on a space's list).
 */
export async function pageAllSpacesKeys(user: SessionUser, query: AllKeysPageQuery): Promise<Omit<AllKeysPageResponse, "fetchedAt">> {
  const db = getDb();
  const spaces = await shownSpaces(user, "encryption-keys.all");
  const paged = await pageKeys(db, spaces.shown, query.page, KEY_PAGE_SIZE);
  const bySpace = new Map<string, string[]>();
  for (const r of paged.rows) bySpace.set(r.spaceId, [...(bySpace.get(r.spaceId) ?? []), r.phoneNumber]);
  const changes = new Map(await Promise.all([...bySpace].map(async ([id, phones]) => [id, await lastKeyChanges(id, phones)] as const)));
  await revalidateDetails(db, [...bySpace.keys()]);
  return {
    ...paged,
    rows: paged.rows.map((r) => ({ ...r, lastChange: changes.get(r.spaceId)?.get(r.phoneNumber) ?? null })),
    spaces: spaces.list.length,
    failed: spaces.failed,
    observedAt: spaces.observedAt,
  };
}
