import { NextResponse, type NextRequest } from "next/server";
import { auditFilterSchema } from "@/lib/schemas/audit";
import { requireUser } from "@/server/auth/route";
import { auditScope, exportAuditEvents } from "@/server/data/audit";

const HEADER = ["id", "at", "user", "space", "operation", "target", "outcome", "error_code", "request_id", "duration_ms", "input"];

/** A CSV cell: quoted, and defused against spreadsheet formula injection. */
function cell(v: unknown): string {
  let s = v === null || v === undefined ? "" : typeof v === "string" ? v : JSON.stringify(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return `"${s.replace(/"/g, '""')}"`;
}

export async function GET(req: NextRequest) {
  const user = await requireUser();
  if (user instanceof NextResponse) return user;
  const scope = await auditScope(user);
  if (scope !== "all" && scope.length === 0) return NextResponse.json({ message: "You do not have access to the audit log." }, { status: 403 });
  const filter = auditFilterSchema.parse(Object.fromEntries(req.nextUrl.searchParams));
  const encoder = new TextEncoder();
  const stream = new ReadableStream({
    async start(controller) {
      controller.enqueue(encoder.encode(HEADER.join(",") + "\r\n"));
      for await (const batch of exportAuditEvents(scope, { ...filter, before: undefined })) {
        const lines = batch.map((e) =>
          [e.id, e.at, e.userEmail, e.spaceName ?? e.spaceId, e.operation, e.target, e.outcome, e.errorCode, e.requestId, e.durationMs, e.input].map(cell).join(","),
        );
        if (lines.length) controller.enqueue(encoder.encode(lines.join("\r\n") + "\r\n"));
      }
      controller.close();
    },
  });
  const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, "-");
  return new Response(stream, {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="audit-${stamp}.csv"`, "cache-control": "no-store" },
  });
}
