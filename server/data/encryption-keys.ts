import "server-only";
import { createPublicKey } from "node:crypto";
import { and, desc, eq, inArray } from "drizzle-orm";
import { describePublicKey, REQUIRED_RSA_BITS } from "@/lib/pem";
import {
  KEY_ORIGINS,
  NOT_VERIFIED_CODE,
  type KeyNumberRow,
  type KeyOrigin,
  type KeyState,
  type LastKeyChange,
} from "@/lib/schemas/encryption-keys";
import { camsForSpace } from "@/server/cams/for-space";
import { isCamsError } from "@/server/cams/errors";
import { getDb } from "@/server/db";
import { auditEvents, user as users } from "@/server/db/schema";
import { listPhoneNumbers } from "./phone-numbers";

/** The audit operation of a key update; "last changed here" is read back from it. */
export const KEY_UPDATE_OPERATION = "encryptionKeys.update";
/** The bulk worker's audit operation for one number's key (server/jobs/perform.ts): a change made here too. */
const BULK_KEY_OPERATION = "bulk.encryptionKey";

/** GetPhoneEncryptionPublicKey for one number of the space, as a state the UI can show. The caller has checked read access. */
export async function getEncryptionKey(spaceId: string, phoneNumber: string): Promise<{ result: KeyState; requestId: string | null }> {
  const { client } = await camsForSpace(getDb(), spaceId);
  try {
    const { data, requestId } = await client.getEncryptionPublicKey({ phoneNumber });
    return { result: toKeyState(data.encryptionPublicKey, data.encryptionPublicKeyStatus), requestId: requestId ?? null };
  } catch (err) {
    // Before verification CAMS refuses key operations; for the UI that is a state, not a failure.
    if (isCamsError(err) && err.code === NOT_VERIFIED_CODE) return { result: { state: "notVerified" }, requestId: err.requestId ?? null };
    throw err;
  }
}

function toKeyState(pem: string | null, status: string | null): KeyState {
  if (!pem) return { state: "none" };
  const described = describePublicKey(pem);
  return {
    state: "key",
    status,
    key: {
      pem,
      keyType: described?.info.keyType ?? null,
      bits: described?.info.bits ?? null,
      fingerprint: described?.fingerprint ?? null,
    },
  };
}

/** The fingerprint of the key CAMS holds now, for the audit record of a change; null when there is none or it cannot be read. */
export async function currentFingerprint(spaceId: string, phoneNumber: string): Promise<string | null> {
  try {
    const { result } = await getEncryptionKey(spaceId, phoneNumber);
    return result.state === "key" ? result.key.fingerprint : null;
  } catch {
    // The update itself decides whether CAMS is reachable; the audit then just lacks the old value.
    return null;
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

/** The same for every number of a space, in one query. */
export async function lastKeyChanges(spaceId: string): Promise<Map<string, LastKeyChange>> {
  const rows = await getDb()
    .selectDistinctOn([auditEvents.target], changeColumns)
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.userId))
    .where(okKeyUpdates(spaceId))
    .orderBy(auditEvents.target, desc(auditEvents.at), desc(auditEvents.id));
  return new Map(rows.filter((r) => r.target).map((r) => [r.target!, toChange(r)]));
}

/** The space's numbers (QueryChatappPhoneNumbers) with their last change here; key states are read per number. */
export async function listKeyNumbers(spaceId: string): Promise<KeyNumberRow[]> {
  const [numbers, changes] = await Promise.all([listPhoneNumbers(spaceId), lastKeyChanges(spaceId)]);
  return numbers.map((n) => ({
    phoneNumber: n.phoneNumber,
    verifiedName: n.verifiedName,
    status: n.status,
    codeVerificationStatus: n.codeVerificationStatus,
    lastChange: changes.get(n.phoneNumber) ?? null,
  }));
}
