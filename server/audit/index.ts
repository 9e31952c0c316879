import "server-only";
import { getDb } from "@/server/db";
import { auditEvents } from "@/server/db/schema";
import { redact } from "./redact";

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
}

/** Appends one event. Inputs are redacted here so no caller can forget. */
export async function recordAudit(e: AuditEvent): Promise<void> {
  await getDb()
    .insert(auditEvents)
    .values({
      userId: e.actor?.id ?? null,
      userEmail: e.actor?.email ?? null,
      spaceId: e.spaceId ?? null,
      operation: e.operation,
      target: e.target ?? null,
      input: (redact(e.input) ?? null) as never,
      outcome: e.outcome,
      errorCode: e.errorCode ?? null,
      requestId: e.requestId ?? null,
      durationMs: e.durationMs ?? null,
    });
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
    const e = err as { code?: string; requestId?: string };
    await recordAudit({
      ...base,
      outcome: "error",
      errorCode: typeof e?.code === "string" ? e.code : "Error",
      requestId: typeof e?.requestId === "string" ? e.requestId : null,
      durationMs: Math.round(performance.now() - started),
    });
    throw err;
  }
}
