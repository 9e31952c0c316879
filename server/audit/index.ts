import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { currentClientAddress } from "@/server/client-address";
import { getDb } from "@/server/db";
import { auditEvents } from "@/server/db/schema";
import { linkHistoryToAudit } from "@/server/alerts/link";
import { redact, storable } from "./redact";

export interface AuditActor {
  id: string;
  email: string;
}

export interface AuditEvent {
  actor: AuditActor | null;
  spaceId?: string | null;
  operation: string;
  target?: string | null;
  input?: unknown;
  outcome: "ok" | "error" | "denied";
  errorCode?: string | null;
  requestId?: string | null;
  durationMs?: number | null;
  /** Unset: the current request's (null outside one). */
  clientAddress?: string | null;
}

/**
 * The events of one server action run. They are written when the action ends, with the action's
 * real outcome: an event recorded as "ok" by `audited()` whose action then refused (validation
 * errors returned from the body, an ActionError) or failed is stored as refused/failed, and an
 * action that ends in a refusal without having recorded anything gets one event of its own.
 * The audit table is append-only, so the outcome must be known before the row is written.
 */
interface AuditScope {
  events: AuditEvent[];
  closed: boolean;
  /** The error the action client's handleServerError saw, if any. */
  failure?: unknown;
}

const scopes = new AsyncLocalStorage<AuditScope>();

/** Appends one event (at the end of the current action run, if inside one). Inputs are redacted here so no caller can forget. */
export async function recordAudit(e: AuditEvent): Promise<void> {
  const scope = scopes.getStore();
  if (scope && !scope.closed) {
    scope.events.push(e);
    return;
  }
  await insertAudit(e);
}

/**
 * The events the current action has recorded so far and will write when it ends: a read-back
 * inside the action sees its own change explained by them (server/alerts/history.ts).
 */
export function pendingAuditEvents(): readonly AuditEvent[] {
  const scope = scopes.getStore();
  return scope && !scope.closed ? scope.events : [];
}

async function insertAudit(e: AuditEvent): Promise<void> {
  const [row] = await getDb()
    .insert(auditEvents)
    .values({
      userId: e.actor?.id ?? null,
      userEmail: e.actor?.email ?? null,
      spaceId: e.spaceId == null ? null : storable(e.spaceId),
      operation: e.operation,
      target: e.target == null ? null : storable(e.target),
      input: (redact(e.input) ?? null) as never,
      outcome: e.outcome,
      errorCode: e.errorCode ?? null,
      requestId: e.requestId ?? null,
      durationMs: e.durationMs ?? null,
      clientAddress: e.clientAddress === undefined ? await currentClientAddress() : e.clientAddress,
    })
    .returning({ id: auditEvents.id, at: auditEvents.at });
  // History events this change explained before its audit row existed now point at it.
  if (row && e.outcome === "ok" && e.spaceId && e.target && e.actor) {
    await linkHistoryToAudit(getDb(), { id: row.id, at: row.at, spaceId: e.spaceId, target: e.target, operation: e.operation, actorId: e.actor.id, durationMs: e.durationMs ?? 0 });
  }
}

/**
 * Runs `fn` and records its outcome with its duration. `requestIdOf` picks the CAMS request id
 * from a result; errors carry theirs as `requestId` and `code`.
 */
export async function audited<T>(
  base: Omit<AuditEvent, "outcome" | "durationMs" | "errorCode" | "requestId">,
  fn: () => Promise<T>,
  requestIdOf: (result: T) => string | undefined = (r) => (r as { requestId?: string })?.requestId,
): Promise<T> {
  const started = performance.now();
  try {
    const result = await fn();
    await recordAudit({
      ...base,
      outcome: "ok",
      requestId: requestIdOf(result) ?? null,
      durationMs: Math.round(performance.now() - started),
    });
    return result;
  } catch (err) {
    await recordAudit({ ...base, ...auditOutcomeOf(err), durationMs: Math.round(performance.now() - started) });
    throw err;
  }
}

type Settled = Pick<AuditEvent, "outcome" | "errorCode" | "requestId">;

/**
 * What an error means for the audit log: a refusal ("denied": the request was not acceptable, from
 * the app's own checks, a unique constraint or the auth library's 4xx answers) or a failure.
 */
export function auditOutcomeOf(err: unknown): Settled & { outcome: "denied" | "error" } {
  const e = (err ?? {}) as {
    name?: string;
    code?: unknown;
    requestId?: unknown;
    statusCode?: unknown;
    body?: { code?: unknown };
    details?: { code?: unknown; requestId?: unknown };
    cause?: { code?: unknown };
    validationErrors?: unknown;
  };
  const str = (v: unknown) => (typeof v === "string" && v ? v : null);
  if (e.name === "ActionError") return { outcome: "denied", errorCode: str(e.details?.code) ?? "Refused", requestId: str(e.details?.requestId) };
  if (e.name === "ActionServerValidationError" || (e.validationErrors !== undefined && e.name !== "CamsError")) {
    return { outcome: "denied", errorCode: "Validation", requestId: null };
  }
  if (e.name === "APIError" && typeof e.statusCode === "number") {
    const code = str(e.body?.code) ?? `HTTP${e.statusCode}`;
    return { outcome: e.statusCode < 500 ? "denied" : "error", errorCode: code, requestId: null };
  }
  if (e.code === "23505" || e.cause?.code === "23505") return { outcome: "denied", errorCode: "UniqueViolation", requestId: null };
  return { outcome: "error", errorCode: str(e.code) ?? "Error", requestId: str(e.requestId) };
}

/** How an action run ended, as the action client sees it. */
export interface ActionEnd {
  ok: boolean;
  validationErrors?: boolean;
}

/**
 * Runs one server action with its audit events held until it ends (see AuditScope). `fallback`
 * describes the event written for a refusal or failure that recorded nothing itself.
 */
export async function withAuditScope<R>(
  run: () => Promise<R>,
  endOf: (result: R) => ActionEnd,
  fallback: (result: R | undefined) => Omit<AuditEvent, "outcome" | "errorCode" | "requestId">,
): Promise<R> {
  const scope: AuditScope = { events: [], closed: false };
  const started = performance.now();
  let result: R | undefined;
  let end: ActionEnd | undefined;
  try {
    result = await scopes.run(scope, run);
    end = endOf(result);
    return result;
  } finally {
    scope.closed = true;
    const settled: Settled | null = end?.ok
      ? null
      : end?.validationErrors
        ? { outcome: "denied", errorCode: "Validation", requestId: null }
        : scope.failure !== undefined
          ? auditOutcomeOf(scope.failure)
          : { outcome: "error", errorCode: "Error", requestId: null };
    const events = settled
      ? scope.events.length
        ? scope.events.map((e) => (e.outcome === "ok" ? { ...e, ...settled, requestId: e.requestId ?? settled.requestId } : e))
        : [{ ...fallback(result), ...settled, durationMs: Math.round(performance.now() - started) }]
      : scope.events;
    for (const e of events) await insertAudit(e);
  }
}

/** Called by the action client's error handler: the error behind a masked server error. */
export function noteActionFailure(err: unknown): void {
  const scope = scopes.getStore();
  if (scope && !scope.closed) scope.failure = err;
}
