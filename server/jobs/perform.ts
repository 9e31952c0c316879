import "server-only";
import { eq } from "drizzle-orm";
import { LOCAL_ERROR_CODES } from "@/lib/cams/errors";
import type { PhoneNumberInfo } from "@/lib/cams/wire";
import {
  heldOf,
  type AutomationParams,
  type BulkKind,
  type ItemResult,
  type JobParams,
  type KeyParams,
  type ProfileParams,
  type WebhookParams,
} from "@/lib/schemas/bulk";
import { audited, recordAudit } from "@/server/audit";
import { canWrite, roleInSpace, type SessionUser } from "@/server/auth/session";
import { camsForSpace } from "@/server/cams/for-space";
import { isCamsError } from "@/server/cams/errors";
import { withLane } from "@/server/cams/lane";
import { getDb } from "@/server/db";
import { replaceNumbers } from "@/server/inventory/store";
import { jobs, user as users } from "@/server/db/schema";
import { getLogger, maskPhone } from "@/server/logger";
import type { ClaimedItem } from "./queue";

/** Audit operation names of one item's change. */
export const BULK_AUDIT_OPERATION: Record<BulkKind, string> = {
  webhook: "bulk.webhook",
  encryption_key: "bulk.encryptionKey",
  automation: "bulk.automation",
  profile: "bulk.profile",
};

/** Codes the job worker itself gives an item (explained in messages bulk.itemErrors). */
export const BULK_ERROR = {
  forbidden: "Bulk.Forbidden",
  interrupted: "Bulk.Interrupted",
  unexpected: "Bulk.Unexpected",
} as const;

export interface JobContext {
  id: string;
  kind: BulkKind;
  params: JobParams;
  createdBy: string | null;
}

export type Attempt =
  | { kind: "ok"; requestId: string | null; result: ItemResult | null }
  | { kind: "denied"; message: string }
  | { kind: "error"; code: string; message: string; requestId: string | null; retryable: boolean; throttled: boolean };

export async function loadJob(jobId: string): Promise<JobContext | null> {
  const [j] = await getDb()
    .select({ id: jobs.id, kind: jobs.kind, params: jobs.params, createdBy: jobs.createdBy })
    .from(jobs)
    .where(eq(jobs.id, jobId));
  return j ? { ...j, kind: j.kind as BulkKind, params: j.params as JobParams } : null;
}

/** The job's creator as a session user, read fresh: a disabled or deleted user stops their jobs. */
async function creatorOf(job: JobContext): Promise<SessionUser | null> {
  if (!job.createdBy) return null;
  const [u] = await getDb().select().from(users).where(eq(users.id, job.createdBy));
  if (!u || u.disabled) return null;
  return { id: u.id, email: u.email, name: u.name, isAdmin: u.role === "admin", locale: u.locale, lastSpaceId: u.lastSpaceId };
}

const isThrottle = (code: string) => code === "System.LimitControl" || code.startsWith("Throttling");

/** The audit input of one item: what changed, never the PEM (its fingerprint stands for it). */
function auditInput(job: JobContext) {
  if (job.kind === "webhook") {
    const p = job.params as WebhookParams;
    return { jobId: job.id, statusCallbackUrl: p.statusCallbackUrl, upCallbackUrl: p.upCallbackUrl, httpFlag: p.httpFlag, queueFlag: p.queueFlag };
  }
  if (job.kind === "automation") return { jobId: job.id, ...(job.params as AutomationParams) };
  if (job.kind === "profile") return { jobId: job.id, ...(job.params as ProfileParams).set };
  const p = job.params as KeyParams;
  return { jobId: job.id, newFingerprint: p.fingerprint, keyType: "RSA", bits: 2048, origin: p.origin };
}

/** Empty URLs are left out: CAMS reads an absent parameter as "unchanged" (as the number's own form does). */
const urlParam = (v: string) => (v ? v : undefined);

/**
 * What CAMS holds for the number after the change, read back (QueryChatappPhoneNumbers): the job
 * reports this, not what was sent, since CAMS may keep, clear or refuse parts of a change. A failed
 * read does not undo the accepted change: it is reported as such, with its code and request id.
 */
type SpaceClient = Awaited<ReturnType<typeof camsForSpace>>["client"];

/**
 * Read-backs of one space wait up to this long for the changes of other items in flight, so several
 * share one QueryChatappPhoneNumbers (one slot of its budget, one parse, one write of the space's
 * inventory): that work per item, not the CAMS budget, was what held webhook jobs back. A read
 * starts at once when no other change of the space is under way in this process (a job's last
 * items do not wait for nothing).
 */
const READBACK_BATCH_MS = 250;
const pendingReads = new Map<string, Promise<PhoneNumberInfo[]>>();
/** Per space: how many changes are under way in this process, and the read-backs waiting for none. */
const changing = new Map<string, { count: number; idle: Set<() => void> }>();

/** Runs a change of the space, counted as under way until it ends (however it ends). */
async function asChangeOf<T>(spaceId: string, change: () => Promise<T>): Promise<T> {
  let entry = changing.get(spaceId);
  if (!entry) changing.set(spaceId, (entry = { count: 0, idle: new Set() }));
  entry.count++;
  try {
    return await change();
  } finally {
    if (--entry.count === 0) {
      changing.delete(spaceId);
      for (const wake of entry.idle) wake();
    }
  }
}

/** Resolves when no change of the space is under way here, or after `ms`. */
function changesEnded(spaceId: string, ms: number): Promise<void> {
  const entry = changing.get(spaceId);
  if (!entry) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      entry!.idle.delete(done);
      resolve();
    }
    entry.idle.add(done);
  });
}

/** A read of the space that starts after every joiner's change ended. */
function readSpaceSoon(client: SpaceClient, spaceId: string): Promise<PhoneNumberInfo[]> {
  let read = pendingReads.get(spaceId);
  if (!read) {
    read = (async () => {
      await changesEnded(spaceId, READBACK_BATCH_MS);
      // From here on a change that ends needs a read of its own: this one may be under way.
      pendingReads.delete(spaceId);
      const readAt = new Date();
      const { data } = await client.queryPhoneNumbers({});
      // The whole space came back: the inventory takes it, so nobody sees the change undone.
      await replaceNumbers(getDb(), spaceId, data, "readback", readAt).catch(() => {});
      return data;
    })();
    pendingReads.set(spaceId, read);
  }
  return read;
}

async function readBack(client: SpaceClient, spaceId: string, phone: string): Promise<ItemResult> {
  try {
    const data = await readSpaceSoon(client, spaceId);
    const n = data.find((x) => x.phoneNumber === phone);
    return n ? { read: "ok", held: heldOf(n) } : { read: "missing" };
  } catch (err) {
    if (isCamsError(err)) return { read: "failed", code: err.code, message: err.message, requestId: err.requestId ?? null };
    return { read: "failed", code: null, message: "The settings could not be read back.", requestId: null };
  }
}

/**
 * One item: the creator's right to change the space is checked again (roles change while a job
 * runs), then the CAMS call goes through the space's client, whose shared limiter paces every
 * instance together; the outcome is audited with the CAMS request id.
 */
export function performItem(job: JobContext, item: ClaimedItem): Promise<Attempt> {
  // Bulk items are changes: in the limiter they go after people's requests and before sweeps.
  return withLane("change", () => performItemNow(job, item));
}

async function performItemNow(job: JobContext, item: ClaimedItem): Promise<Attempt> {
  const operation = BULK_AUDIT_OPERATION[job.kind];
  const actor = await creatorOf(job);
  const role = actor ? await roleInSpace(actor, item.spaceId) : null;
  if (!actor || !canWrite(role)) {
    await recordAudit({
      actor: actor ? { id: actor.id, email: actor.email } : null,
      spaceId: item.spaceId,
      operation,
      target: item.phoneNumber,
      input: { jobId: job.id },
      outcome: "denied",
      errorCode: "Forbidden",
    });
    return { kind: "denied", message: "The job's creator may no longer change numbers in this space." };
  }
  const db = getDb();
  try {
    // The space's client, kept for the read-back (set inside the audited call, so a failure to get it is audited too).
    const space: { client?: SpaceClient } = {};
    const { requestId } = await audited(
      { actor: { id: actor.id, email: actor.email }, spaceId: item.spaceId, operation, target: item.phoneNumber, input: auditInput(job) },
      async () => {
        const client = (space.client = (await camsForSpace(db, item.spaceId)).client);
        if (job.kind === "webhook") {
          const p = job.params as WebhookParams;
          // Counted while under way: another item's read-back of this space waits for it.
          return asChangeOf(item.spaceId, () =>
            client.updatePhoneWebhook({
              phoneNumber: item.phoneNumber,
              statusCallbackUrl: urlParam(p.statusCallbackUrl),
              upCallbackUrl: urlParam(p.upCallbackUrl),
              httpFlag: p.httpFlag,
              queueFlag: p.queueFlag,
            }),
          );
        }
        if (job.kind === "automation") {
          const p = job.params as AutomationParams;
          return client.updateAutomation({
            phoneNumber: item.phoneNumber,
            enableWelcomeMessage: p.enableWelcomeMessage,
            prompts: p.prompts,
            commands: p.commands.map((c) => ({ commandName: c.name, commandDescription: c.description })),
          });
        }
        if (job.kind === "profile") {
          // The Profile tab's operation: absent fields stay as each number has them.
          return client.modifyProfile({ phoneNumber: item.phoneNumber, ...(job.params as ProfileParams).set });
        }
        return client.updateEncryptionPublicKey({ phoneNumber: item.phoneNumber, encryptionPublicKey: (job.params as KeyParams).publicKey });
      },
    );
    const result = job.kind === "webhook" && space.client ? await readBack(space.client, item.spaceId, item.phoneNumber) : null;
    return { kind: "ok", requestId: requestId ?? null, result };
  } catch (err) {
    if (isCamsError(err)) {
      // A full local queue means the account is busy (other jobs, other instances): wait and retry.
      const retryable = err.retryable || err.code === LOCAL_ERROR_CODES.queueFull;
      return { kind: "error", code: err.code, message: err.message, requestId: err.requestId ?? null, retryable, throttled: isThrottle(err.code) };
    }
    const ref = crypto.randomUUID().slice(0, 8);
    getLogger().error(
      { err, ref, jobId: job.id, phone: maskPhone(item.phoneNumber) },
      "bulk item failed unexpectedly",
    );
    return { kind: "error", code: BULK_ERROR.unexpected, message: `Unexpected error (reference ${ref}).`, requestId: null, retryable: false, throttled: false };
  }
}
