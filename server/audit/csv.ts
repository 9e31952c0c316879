import "server-only";
import type { AuditEventDto, AuditFilter } from "@/lib/schemas/audit";
import { csvStream } from "@/server/csv";
import { exportAuditEvents } from "@/server/data/audit";

const HEADER = ["id", "at", "user", "space", "operation", "operation_label", "target", "outcome", "error_code", "request_id", "duration_ms", "client_address", "input"];

/**
 * The filtered audit events as a CSV byte stream (server/csv.ts: pull-based, one batch in memory).
 * The values stay machine-readable (operation keys, ok/error/denied, UTC); `labelOf` adds the
 * operation's name in the reader's language beside its key.
 */
export function auditCsvStream(
  scope: "all" | string[],
  filter: AuditFilter,
  onBatch?: (rows: number) => void,
  labelOf: (operation: string) => string = (operation) => operation,
) {
  return csvStream(
    HEADER,
    exportAuditEvents(scope, { ...filter, before: undefined }),
    (e: AuditEventDto) => [e.id, e.at, e.userEmail, e.spaceName ?? e.spaceId, e.operation, labelOf(e.operation), e.target, e.outcome, e.errorCode, e.requestId, e.durationMs, e.clientAddress, e.input],
    onBatch,
  );
}
