import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { QrCode } from "@/lib/cams/wire";
import type { HealthStatus } from "@/lib/cams/wire-profile";
import type { HistoryField } from "@/lib/history";
import type { KeyState } from "@/lib/schemas/encryption-keys";
import type { ProfileView } from "@/lib/schemas/profile";
import type { Db } from "@/server/db/connect";
import { inventoryHealth, inventoryKeys, inventoryProfiles, inventoryQrCodes, inventoryQrLists } from "@/server/db/schema";
import { recordChanges, type NumberChange } from "./history";

/**
 * The history of a number's details (lib/history.ts DETAIL_FIELDS): what the details sweep, a read
 * on demand or a change's read-back observed, against what the inventory held, in the transaction
 * that stores it. Each kind of detail (key, QR list, health, profile) is compared on its own: a kind
 * the inventory never held for the number is its starting point, not a change (a number's first
 * details sweep writes nothing), and the same state again writes nothing. An observation older
 * than the one held is dropped (`skip`): a sweep that read before a change's read-back must not
 * record the change's reversal.
 */

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DetailKind = "key" | "qr" | "health" | "profile";

/** One number's details as observed; an absent kind was not observed this time. */
export interface DetailObservation {
  phoneNumber: string;
  key?: KeyState;
  qr?: { codes: readonly QrCode[] };
  health?: HealthStatus | null;
  profile?: ProfileView | null;
}

/** A detail's values, each under an id unique within the number (the field, or one per QR code). */
type Values = Map<string, { field: HistoryField; value: string | null }>;
interface HeldKind {
  values: Values;
  observedAt: Date;
}
export type HeldDetails = Map<string, Partial<Record<DetailKind, HeldKind>>>;

const one = (entries: [HistoryField, string | null][]): Values => new Map(entries.map(([field, value]) => [field, { field, value }]));

/** The key's values: its fingerprint, and its status ("missing" when the number has no key; nothing while it is not verified). */
export function keyValues(k: { state: string; keyStatus: string | null; fingerprint: string | null }): Values {
  if (k.state === "key") return one([["keyFingerprint", k.fingerprint ?? "unreadable"], ["keyStatus", k.keyStatus]]);
  return one([["keyFingerprint", null], ["keyStatus", k.state === "none" ? "missing" : null]]);
}

const keyStateValues = (key: KeyState) =>
  keyValues({ state: key.state, keyStatus: key.state === "key" ? key.status : null, fingerprint: key.state === "key" ? key.key.fingerprint : null });

/** One value per QR code: "<code>: <prefilled message>". */
export function qrValues(codes: readonly { qrdlCode?: string | null; prefilledMessage?: string | null }[]): Values {
  const v: Values = new Map();
  for (const c of codes) if (c.qrdlCode) v.set(`qrCode\u0000${c.qrdlCode}`, { field: "qrCode", value: `${c.qrdlCode}: ${c.prefilledMessage ?? ""}` });
  return v;
}

export const healthValues = (h: { canSendMessage: string | null } | null): Values => one([["health", h?.canSendMessage ?? null]]);

/** A picture URL may carry a signed, expiring query: only its address is compared (and kept). */
export function pictureAddress(url: string): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`;
  } catch {
    return url;
  }
}

export function profileValues(p: ProfileView | null): Values {
  const text = (s: string | undefined) => (s ? s : null);
  return one([
    ["profileAbout", text(p?.about)],
    ["profileAddress", text(p?.address)],
    ["profileDescription", text(p?.description)],
    ["profileEmail", text(p?.email)],
    ["profileVertical", text(p?.vertical)],
    // URLs hold no unescaped space, so one space parts them unambiguously.
    ["profileWebsites", p?.websites.length ? p.websites.join(" ") : null],
    ["profilePicture", p ? pictureAddress(p.profilePictureUrl) : null],
  ]);
}

function observedValues(o: DetailObservation): Partial<Record<DetailKind, Values>> {
  const v: Partial<Record<DetailKind, Values>> = {};
  if (o.key) v.key = keyStateValues(o.key);
  if (o.qr) v.qr = qrValues(o.qr.codes);
  if (o.health !== undefined) v.health = healthValues(o.health);
  if (o.profile !== undefined) v.profile = profileValues(o.profile);
  return v;
}

export function diffValues(phoneNumber: string, held: Values, seen: Values): NumberChange[] {
  const changes: NumberChange[] = [];
  for (const [id, s] of seen) {
    const oldValue = held.get(id)?.value ?? null;
    if (oldValue !== s.value) changes.push({ phoneNumber, field: s.field, oldValue, newValue: s.value });
  }
  for (const [id, h] of held) if (!seen.has(id) && h.value !== null) changes.push({ phoneNumber, field: h.field, oldValue: h.value, newValue: null });
  return changes;
}

export interface DetailDiff {
  changes: NumberChange[];
  /** Each changed number's previous observation (of the kind that changed, the latest). */
  previousAt: Map<string, Date>;
  /** Observations older than what is held, per number: not to be stored. */
  skip: Set<string>;
}

const skipKey = (phone: string, kind: DetailKind) => `${phone}\u0000${kind}`;
export const isSkipped = (d: DetailDiff, phone: string, kind: DetailKind) => d.skip.has(skipKey(phone, kind));

/** What the observations change against what is held (pure: the tests and the benchmark call it). */
export function diffDetails(held: HeldDetails, observations: readonly DetailObservation[], at: Date): DetailDiff {
  const out: DetailDiff = { changes: [], previousAt: new Map(), skip: new Set() };
  for (const o of observations) {
    const had = held.get(o.phoneNumber);
    for (const [kind, seen] of Object.entries(observedValues(o)) as [DetailKind, Values][]) {
      const before = had?.[kind];
      if (!before) continue; // never held: the starting point
      if (before.observedAt > at) {
        out.skip.add(skipKey(o.phoneNumber, kind));
        continue;
      }
      const changes = diffValues(o.phoneNumber, before.values, seen);
      if (!changes.length) continue;
      out.changes.push(...changes);
      const prev = out.previousAt.get(o.phoneNumber);
      if (!prev || before.observedAt > prev) out.previousAt.set(o.phoneNumber, before.observedAt);
    }
  }
  return out;
}

/**
 * What the inventory holds of some numbers' details (only the kinds asked for). `phones` null:
 * every number of the space (a whole-space sweep: four queries, not four per number).
 */
export async function heldDetails(tx: Tx | Db, spaceId: string, phones: string[] | null, kinds: ReadonlySet<DetailKind>): Promise<HeldDetails> {
  const held: HeldDetails = new Map();
  const put = (phone: string, kind: DetailKind, values: Values, observedAt: Date) => {
    const h = held.get(phone) ?? {};
    h[kind] = { values, observedAt };
    held.set(phone, h);
  };
  const scope = <T extends typeof inventoryKeys | typeof inventoryQrLists | typeof inventoryQrCodes | typeof inventoryHealth | typeof inventoryProfiles>(t: T) =>
    phones ? and(eq(t.spaceId, spaceId), inArray(t.phoneNumber, phones)) : eq(t.spaceId, spaceId);
  if (phones && !phones.length) return held;
  if (kinds.has("key")) {
    const k = inventoryKeys;
    const rows = await tx.select({ phoneNumber: k.phoneNumber, state: k.state, keyStatus: k.keyStatus, fingerprint: k.fingerprint, observedAt: k.observedAt }).from(k).where(scope(k));
    for (const r of rows) put(r.phoneNumber, "key", keyValues(r), r.observedAt);
  }
  if (kinds.has("qr")) {
    const lists = await tx.select({ phoneNumber: inventoryQrLists.phoneNumber, observedAt: inventoryQrLists.observedAt }).from(inventoryQrLists).where(scope(inventoryQrLists));
    const q = inventoryQrCodes;
    const codes = await tx.select({ phoneNumber: q.phoneNumber, qrdlCode: q.qrdlCode, prefilledMessage: q.prefilledMessage, observedAt: q.observedAt }).from(q).where(scope(q));
    const byPhone = new Map<string, typeof codes>();
    for (const c of codes) byPhone.set(c.phoneNumber, [...(byPhone.get(c.phoneNumber) ?? []), c]);
    for (const l of lists) put(l.phoneNumber, "qr", qrValues(byPhone.get(l.phoneNumber) ?? []), l.observedAt);
  }
  if (kinds.has("health")) {
    const t = inventoryHealth;
    const rows = await tx.select({ phoneNumber: t.phoneNumber, canSendMessage: t.canSendMessage, observedAt: t.observedAt }).from(t).where(scope(t));
    for (const r of rows) put(r.phoneNumber, "health", healthValues(r), r.observedAt);
  }
  if (kinds.has("profile")) {
    const t = inventoryProfiles;
    const rows = await tx.select({ phoneNumber: t.phoneNumber, profile: t.profile, observedAt: t.observedAt }).from(t).where(scope(t));
    for (const r of rows) put(r.phoneNumber, "profile", profileValues(r.profile as ProfileView), r.observedAt);
  }
  return held;
}

const kindsOf = (observations: readonly DetailObservation[]) => {
  const kinds = new Set<DetailKind>();
  for (const o of observations) {
    if (o.key) kinds.add("key");
    if (o.qr) kinds.add("qr");
    if (o.health !== undefined) kinds.add("health");
    if (o.profile !== undefined) kinds.add("profile");
  }
  return kinds;
};

/**
 * Records what some observations of a space's numbers' details changed (history events with their
 * source, and their alerts), before the caller stores them in the same transaction. `wholeSpace`:
 * the observations cover every number of the space (read what is held in one query per kind).
 * Returns what to skip storing (observations older than the held ones) and the events written.
 */
export async function recordDetailChanges(
  tx: Tx | Db,
  spaceId: string,
  observations: readonly DetailObservation[],
  via: string,
  at: Date,
  { wholeSpace = false } = {},
): Promise<DetailDiff & { written: number }> {
  const kinds = kindsOf(observations);
  const held = kinds.size ? await heldDetails(tx, spaceId, wholeSpace ? null : [...new Set(observations.map((o) => o.phoneNumber))], kinds) : new Map();
  const diff = diffDetails(held, observations, at);
  const written = await recordChanges(tx, spaceId, diff.changes, diff.previousAt, via, at);
  return { ...diff, written };
}

/**
 * A QR change made here, stored from what CAMS answered (not a whole list): the code put is new or
 * changed, the code dropped is gone. Recorded whether or not the list was read before: the change
 * itself says what the code was before (a new code did not exist; a dropped one did).
 */
export async function recordQrChange(tx: Tx | Db, spaceId: string, phone: string, change: { put?: QrCode | null; drop?: string }, at: Date): Promise<number> {
  const q = inventoryQrCodes;
  const codes = [change.put?.qrdlCode, change.drop].filter((c): c is string => !!c);
  if (!codes.length) return 0;
  const held = await tx
    .select({ qrdlCode: q.qrdlCode, prefilledMessage: q.prefilledMessage, observedAt: q.observedAt })
    .from(q)
    .where(and(eq(q.spaceId, spaceId), eq(q.phoneNumber, phone), inArray(q.qrdlCode, codes)));
  const before = qrValues(held);
  const after = new Map(before);
  if (change.drop && change.drop !== change.put?.qrdlCode) after.delete(`qrCode\u0000${change.drop}`);
  if (change.put?.qrdlCode) for (const [id, v] of qrValues([change.put])) after.set(id, v);
  const changes = diffValues(phone, before, after);
  const previous = held.reduce<Date>((a, h) => (h.observedAt > a ? h.observedAt : a), new Date(0));
  return recordChanges(tx, spaceId, changes, new Map([[phone, held.length ? previous : at]]), "readback", at);
}
