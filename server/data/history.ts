import "server-only";
import { and, count, desc, eq, gte, inArray, like, lt, type SQL } from "drizzle-orm";
import { anyOf } from "@/server/db/any-of";
import { historyFilterSchema, type HistoryEventDto, type HistoryFilter } from "@/lib/schemas/history";
import { accessibleSpaces, type SessionUser } from "@/server/auth/session";
import { getDb } from "@/server/db";
import { numberEvents, spaces } from "@/server/db/schema";

export const HISTORY_PAGE_SIZE = 50;

/**
 * Each row's number of history events over the last 7 days (the phone list's "Changes (7 d)"), in
 * one grouped query for the rows shown (a space's list, or one page of the All-spaces list), not
 * one per row. The caller has checked read access to the rows' spaces.
 */
export async function withRecentChanges<R extends { phoneNumber: string; spaceId: string }>(rows: R[]): Promise<(R & { changes7d: number })[]> {
  if (!rows.length) return [];
  const phones = [...new Set(rows.map((r) => r.phoneNumber))];
  // A page names its numbers; a whole space's list (thousands) is counted per space instead.
  const counts = await recentChangeCounts([...new Set(rows.map((r) => r.spaceId))], 7, phones.length <= 500 ? phones : undefined);
  return rows.map((r) => ({ ...r, changes7d: counts.get(changeKey(r.spaceId, r.phoneNumber)) ?? 0 }));
}

/**
 * Whose history a reader sees: every space they may read ("all"), or the one asked for if they may
 * read it. Who made a change is shown where they may read the audit log (admins, the space's operators).
 */
export interface HistoryScope {
  spaceIds: string[];
  auditable: ReadonlySet<string>;
}

export async function historyScope(user: SessionUser, space: string): Promise<HistoryScope | null> {
  const readable = (await accessibleSpaces(user)).filter((s) => space === "all" || s.id === space);
  if (space !== "all" && readable.length === 0) return null;
  return { spaceIds: readable.map((s) => s.id), auditable: new Set(readable.filter((s) => s.role !== "viewer").map((s) => s.id)) };
}

function conditions(scope: HistoryScope, f: HistoryFilter & { exactPhone?: string }): SQL[] {
  const e = numberEvents;
  const c: SQL[] = [anyOf(e.spaceId, scope.spaceIds)];
  if (f.exactPhone) c.push(eq(e.phoneNumber, f.exactPhone));
  else if (f.phone) c.push(like(e.phoneNumber, `%${f.phone}%`));
  if (f.field) c.push(eq(e.field, f.field));
  if (f.source) c.push(eq(e.source, f.source));
  if (f.from) c.push(gte(e.observedAt, new Date(`${f.from}T00:00:00Z`)));
  if (f.to) c.push(lt(e.observedAt, new Date(new Date(`${f.to}T00:00:00Z`).getTime() + 86_400_000)));
  return c;
}

/** One page, newest first, by keyset on id: as fast on page 2,000 as on page 1. `exactPhone`: one number's tab. */
export async function listHistory(scope: HistoryScope, f: HistoryFilter & { exactPhone?: string }, limit = HISTORY_PAGE_SIZE) {
  const e = numberEvents;
  const c = conditions(scope, f);
  if (f.before) c.push(lt(e.id, f.before));
  const rows = await getDb()
    .select({
      id: e.id,
      spaceId: e.spaceId,
      spaceName: spaces.name,
      phoneNumber: e.phoneNumber,
      field: e.field,
      oldValue: e.oldValue,
      newValue: e.newValue,
      observedAt: e.observedAt,
      via: e.via,
      source: e.source,
      operation: e.operation,
      actorEmail: e.actorEmail,
      auditEventId: e.auditEventId,
    })
    .from(e)
    .leftJoin(spaces, eq(spaces.id, e.spaceId))
    .where(and(...c))
    .orderBy(desc(e.id))
    .limit(limit + 1);
  const events: HistoryEventDto[] = rows.slice(0, limit).map((r) => ({
    ...r,
    observedAt: r.observedAt.toISOString(),
    actorEmail: scope.auditable.has(r.spaceId) ? r.actorEmail : null,
    auditEventId: scope.auditable.has(r.spaceId) ? r.auditEventId : null,
  }));
  return { events, nextBefore: rows.length > limit ? events[events.length - 1]!.id : null };
}

/** The filtered set for CSV export, in bounded batches. */
export async function* exportHistory(scope: HistoryScope, f: HistoryFilter & { exactPhone?: string }, max = 100_000) {
  let before: number | undefined;
  let sent = 0;
  while (sent < max) {
    const { events, nextBefore } = await listHistory(scope, { ...f, before }, 1000);
    yield events;
    sent += events.length;
    if (!nextBefore) return;
    before = nextBefore;
  }
}

/** Changes observed per number of some spaces (optionally only some numbers) in the last `days` days (the phone list's column). */
export async function recentChangeCounts(spaceIds: string[], days = 7, phones?: string[]): Promise<Map<string, number>> {
  if (!spaceIds.length) return new Map();
  const e = numberEvents;
  const rows = await getDb()
    .select({ spaceId: e.spaceId, phoneNumber: e.phoneNumber, n: count() })
    .from(e)
    .where(and(anyOf(e.spaceId, spaceIds), gte(e.observedAt, new Date(Date.now() - days * 86_400_000)), phones ? inArray(e.phoneNumber, phones) : undefined))
    .groupBy(e.spaceId, e.phoneNumber);
  return new Map(rows.map((r) => [changeKey(r.spaceId, r.phoneNumber), Number(r.n)]));
}

export const changeKey = (spaceId: string, phone: string) => `${spaceId}\n${phone}`;

/**
 * One page of a feed or a number's tab from the URL's search params: null when the caller may not
 * read the space. `query` holds the filters as parsed (for the pager and the export link).
 */
export async function historyPage(user: SessionUser, space: string, raw: Record<string, string | string[] | undefined>, exactPhone?: string) {
  const scope = await historyScope(user, space);
  if (!scope) return null;
  const flat = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const filter = historyFilterSchema.parse(exactPhone ? { ...flat, phone: undefined } : flat);
  const { events, nextBefore } = await listHistory(scope, { ...filter, exactPhone });
  const query = new URLSearchParams(Object.entries(filter).filter(([k, v]) => v !== undefined && k !== "before").map(([k, v]) => [k, String(v)]));
  return { events, nextBefore, before: filter.before, query };
}
