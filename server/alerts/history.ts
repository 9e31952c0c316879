import "server-only";
import { and, desc, eq, gte, inArray } from "drizzle-orm";
import type { PhoneNumberInfo } from "@/lib/cams/wire";
import { EXPLAINED_BY, MANAGED_FIELDS, NUMBER_FIELDS, type HistoryField, type HistorySource } from "@/lib/history";
import { pendingAuditEvents } from "@/server/audit";
import type { Db } from "@/server/db/connect";
import { auditEvents, numberEvents } from "@/server/db/schema";
import { raiseAlerts } from "./rules";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** One field of one number that an observation found different from what the inventory held. */
export interface NumberChange {
  phoneNumber: string;
  field: HistoryField;
  oldValue: string | null;
  newValue: string | null;
}

const PRESENT = "present";

/**
 * What changed between the numbers the inventory held for a space and a new answer of CAMS
 * (the whole space). The same state twice gives nothing; a number new to the answer is "presence"
 * null → present, a number gone from it present → null.
 */
export function diffNumbers(held: ReadonlyMap<string, PhoneNumberInfo>, answer: readonly PhoneNumberInfo[]): NumberChange[] {
  const changes: NumberChange[] = [];
  const seen = new Set<string>();
  for (const n of answer) {
    const phone = n.phoneNumber;
    if (!phone || seen.has(phone)) continue;
    seen.add(phone);
    const before = held.get(phone);
    if (!before) {
      changes.push({ phoneNumber: phone, field: "presence", oldValue: null, newValue: PRESENT });
      continue;
    }
    for (const field of NUMBER_FIELDS) {
      const oldValue = before[field] ?? null;
      const newValue = n[field] ?? null;
      if (oldValue !== newValue) changes.push({ phoneNumber: phone, field, oldValue, newValue });
    }
  }
  for (const phone of held.keys()) if (!seen.has(phone)) changes.push({ phoneNumber: phone, field: "presence", oldValue: PRESENT, newValue: null });
  return changes;
}

/** A change of ours that may explain an observed one. */
interface Explainer {
  operation: string;
  target: string;
  actorId: string | null;
  actorEmail: string | null;
  auditEventId: number | null;
  at: number;
}

/** How far before the previous observation a change of ours may have been made and still explain it. */
const MARGIN_MS = 60_000;

export interface Attributed extends NumberChange {
  source: HistorySource;
  operation: string | null;
  actorId: string | null;
  actorEmail: string | null;
  auditEventId: number | null;
}

/**
 * Why each change happened. A change of ours explains it when it was made to the same number
 * in the same space, by an operation that changes that field, since the previous observation of
 * the number: the action running now (its events are not written yet) or an audit event already
 * written (a bulk item, or a change whose read-back failed and a sweep saw it). Otherwise a setting
 * this console manages changed outside it (drift), and anything else is CAMS's or WhatsApp's.
 */
export function attribute(changes: readonly NumberChange[], explainers: readonly Explainer[], previousAt: ReadonlyMap<string, Date>): Attributed[] {
  return changes.map((c) => {
    const since = (previousAt.get(c.phoneNumber)?.getTime() ?? 0) - MARGIN_MS;
    const why = explainers.find((x) => x.target === c.phoneNumber && x.at >= since && EXPLAINED_BY[x.operation]?.includes(c.field));
    if (why) return { ...c, source: "console", operation: why.operation, actorId: why.actorId, actorEmail: why.actorEmail, auditEventId: why.auditEventId };
    return { ...c, source: MANAGED_FIELDS.has(c.field) ? "outside" : "cams", operation: null, actorId: null, actorEmail: null, auditEventId: null };
  });
}

async function explainersFor(tx: Tx | Db, spaceId: string, changes: readonly NumberChange[], previousAt: ReadonlyMap<string, Date>): Promise<Explainer[]> {
  const now = Date.now();
  const pending: Explainer[] = pendingAuditEvents()
    .filter((e) => e.outcome === "ok" && e.spaceId === spaceId && e.target && EXPLAINED_BY[e.operation])
    .map((e) => ({ operation: e.operation, target: e.target!, actorId: e.actor?.id ?? null, actorEmail: e.actor?.email ?? null, auditEventId: null, at: now }));
  const phones = [...new Set(changes.map((c) => c.phoneNumber))];
  const oldest = Math.min(...phones.map((p) => previousAt.get(p)?.getTime() ?? 0)) - MARGIN_MS;
  const a = auditEvents;
  const written = await tx
    .select({ id: a.id, at: a.at, operation: a.operation, target: a.target, userId: a.userId, userEmail: a.userEmail })
    .from(a)
    .where(
      and(
        eq(a.spaceId, spaceId),
        eq(a.outcome, "ok"),
        inArray(a.operation, Object.keys(EXPLAINED_BY)),
        inArray(a.target, phones),
        gte(a.at, new Date(Math.max(0, oldest))),
      ),
    )
    .orderBy(desc(a.id))
    .limit(1000);
  return [
    ...pending,
    ...written.map((w) => ({ operation: w.operation, target: w.target!, actorId: w.userId, actorEmail: w.userEmail, auditEventId: w.id, at: w.at.getTime() })),
  ];
}

const INSERT_CHUNK = 500;

/**
 * Records what an observation of a space changed, in the transaction that stores it. `held` is
 * what the inventory had (with each number's last observation), `answer` what CAMS answered.
 * Returns the number of events written.
 */
export async function recordNumberChanges(
  tx: Tx | Db,
  spaceId: string,
  held: ReadonlyMap<string, { record: PhoneNumberInfo; observedAt: Date }>,
  answer: readonly PhoneNumberInfo[],
  via: string,
  at: Date,
): Promise<number> {
  const records = new Map([...held].map(([phone, h]) => [phone, h.record]));
  const changes = diffNumbers(records, answer);
  if (!changes.length) return 0;
  return recordChanges(tx, spaceId, changes, new Map([...held].map(([phone, h]) => [phone, h.observedAt])), via, at);
}

/**
 * Writes observed changes of a space's numbers as history events with their source, and raises
 * their alerts, in the caller's transaction. `previousAt`: each number's previous observation
 * (a change of ours made since then explains a change). Returns the number of events written.
 */
export async function recordChanges(
  tx: Tx | Db,
  spaceId: string,
  changes: readonly NumberChange[],
  previousAt: ReadonlyMap<string, Date>,
  via: string,
  at: Date,
): Promise<number> {
  if (!changes.length) return 0;
  const rows = attribute(changes, await explainersFor(tx, spaceId, changes, previousAt), previousAt).map((c) => ({
    spaceId,
    phoneNumber: c.phoneNumber,
    field: c.field,
    oldValue: c.oldValue,
    newValue: c.newValue,
    observedAt: at,
    via,
    source: c.source,
    operation: c.operation,
    actorId: c.actorId,
    actorEmail: c.actorEmail,
    auditEventId: c.auditEventId,
  }));
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    const stored = await tx
      .insert(numberEvents)
      .values(rows.slice(i, i + INSERT_CHUNK))
      .returning({ id: numberEvents.id, spaceId: numberEvents.spaceId, phoneNumber: numberEvents.phoneNumber, field: numberEvents.field, oldValue: numberEvents.oldValue, newValue: numberEvents.newValue, source: numberEvents.source });
    await raiseAlerts(tx, spaceId, stored);
  }
  return rows.length;
}
