import "server-only";
import { and, desc, eq, gte, ilike, inArray, lt, sql, type SQL } from "drizzle-orm";
import type { AuditEventDto, AuditFilter } from "@/lib/schemas/audit";
import type { SessionUser } from "@/server/auth/session";
import { getDb } from "@/server/db";
import { auditEvents, spaceMembers, spaces } from "@/server/db/schema";

export const AUDIT_PAGE_SIZE = 50;

/** Admins read every event; operators the events of the spaces they operate; others nothing. */
export async function auditScope(user: SessionUser): Promise<"all" | string[]> {
  if (user.isAdmin) return "all";
  const rows = await getDb()
    .select({ spaceId: spaceMembers.spaceId })
    .from(spaceMembers)
    .where(and(eq(spaceMembers.userId, user.id), eq(spaceMembers.role, "operator")));
  return rows.map((r) => r.spaceId);
}

function conditions(scope: "all" | string[], f: AuditFilter): SQL[] {
  const c: SQL[] = [];
  if (scope !== "all") c.push(scope.length ? inArray(auditEvents.spaceId, scope) : sql`false`);
  if (f.user) c.push(ilike(auditEvents.userEmail, `%${f.user.replace(/[%_\\]/g, "\\$&")}%`));
  if (f.space) c.push(eq(auditEvents.spaceId, f.space));
  if (f.operation) c.push(eq(auditEvents.operation, f.operation));
  if (f.outcome) c.push(eq(auditEvents.outcome, f.outcome));
  if (f.from) c.push(gte(auditEvents.at, new Date(`${f.from}T00:00:00Z`)));
  if (f.to) c.push(lt(auditEvents.at, new Date(new Date(`${f.to}T00:00:00Z`).getTime() + 86_400_000)));
  return c;
}

const columns = {
  id: auditEvents.id,
  at: auditEvents.at,
  userEmail: auditEvents.userEmail,
  spaceId: auditEvents.spaceId,
  spaceName: spaces.name,
  operation: auditEvents.operation,
  target: auditEvents.target,
  input: auditEvents.input,
  outcome: auditEvents.outcome,
  errorCode: auditEvents.errorCode,
  requestId: auditEvents.requestId,
  durationMs: auditEvents.durationMs,
  clientAddress: auditEvents.clientAddress,
};

const toDto = (r: Omit<AuditEventDto, "at"> & { at: Date }): AuditEventDto => ({ ...r, at: r.at.toISOString() });

/** One page, newest first, by keyset on id: as fast on page 2,000 as on page 1. */
export async function listAuditEvents(scope: "all" | string[], f: AuditFilter, limit = AUDIT_PAGE_SIZE) {
  const c = conditions(scope, f);
  if (f.before) c.push(lt(auditEvents.id, f.before));
  const rows = await getDb()
    .select(columns)
    .from(auditEvents)
    .leftJoin(spaces, eq(spaces.id, auditEvents.spaceId))
    .where(c.length ? and(...c) : undefined)
    .orderBy(desc(auditEvents.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit).map(toDto);
  return { events: page, nextBefore: rows.length > limit ? page[page.length - 1]!.id : null };
}

/** The filtered set for CSV export, in bounded batches. */
export async function* exportAuditEvents(scope: "all" | string[], f: AuditFilter, max = 100_000) {
  let before: number | undefined;
  let sent = 0;
  while (sent < max) {
    const { events, nextBefore } = await listAuditEvents(scope, { ...f, before }, 1000);
    yield events;
    sent += events.length;
    if (!nextBefore) return;
    before = nextBefore;
  }
}

/**
 * The distinct operations in scope, for the filter menu. A loose index scan on
 * audit_operation_id_idx: one probe per operation instead of reading every event.
 */
export async function auditOperations(scope: "all" | string[]): Promise<string[]> {
  const c = conditions(scope, {});
  const inScope = c.length ? sql`and ${and(...c)}` : sql``;
  const result = await getDb().execute<{ op: string }>(sql`
    with recursive ops(op) as (
      select min(${auditEvents.operation}) from ${auditEvents} where true ${inScope}
      union all
      select (select min(${auditEvents.operation}) from ${auditEvents} where ${auditEvents.operation} > ops.op ${inScope})
      from ops where ops.op is not null
    )
    select op from ops where op is not null order by op limit 200`);
  return result.rows.map((r) => r.op);
}
