import "server-only";
import type { AuditEventDto, AuditFilter } from "@/lib/schemas/audit";
import { exportAuditEvents } from "@/server/data/audit";

const HEADER = ["id", "at", "user", "space", "operation", "operation_label", "target", "outcome", "error_code", "request_id", "duration_ms", "client_address", "input"];

/** A CSV cell: quoted, and defused against spreadsheet formula injection. */
function cell(v: unknown): string {
  let s = v === null || v === undefined ? "" : typeof v === "string" ? v : JSON.stringify(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return `"${s.replace(/"/g, '""')}"`;
}

const line = (e: AuditEventDto, labelOf: (operation: string) => string) =>
  [e.id, e.at, e.userEmail, e.spaceName ?? e.spaceId, e.operation, labelOf(e.operation), e.target, e.outcome, e.errorCode, e.requestId, e.durationMs, e.clientAddress, e.input]
    .map(cell)
    .join(",");

/**
 * The filtered audit events as a CSV byte stream. Pull-based: the next batch is read from the
 * database only when the reader has taken the last one, so a slow client holds one batch in
 * memory, not the whole export. `onBatch` (for benchmarks) hears each batch's row count. The
 * values stay machine-readable (operation keys, ok/error/denied, UTC); `labelOf` adds the
 * operation's name in the reader's language beside its key.
 */
export function auditCsvStream(
  scope: "all" | string[],
  filter: AuditFilter,
  onBatch?: (rows: number) => void,
  labelOf: (operation: string) => string = (operation) => operation,
) {
  const encoder = new TextEncoder();
  const batches = exportAuditEvents(scope, { ...filter, before: undefined });
  let headerSent = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(HEADER.join(",") + "\r\n"));
        return;
      }
      const next = await batches.next();
      if (next.done) return controller.close();
      onBatch?.(next.value.length);
      controller.enqueue(encoder.encode(next.value.length ? next.value.map((e) => line(e, labelOf)).join("\r\n") + "\r\n" : ""));
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
}
