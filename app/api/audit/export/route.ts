import { NextResponse, type NextRequest } from "next/server";
import { auditFilterSchema } from "@/lib/schemas/audit";
import { auditCsvStream } from "@/server/audit/csv";
import { refusal, requireUser } from "@/server/auth/route";
import { auditScope } from "@/server/data/audit";

export async function GET(req: NextRequest) {
  const user = await requireUser();
  if (user instanceof NextResponse) return user;
  const scope = await auditScope(user);
  if (scope !== "all" && scope.length === 0) return refusal("noAuditAccess", 403);
  const filter = auditFilterSchema.parse(Object.fromEntries(req.nextUrl.searchParams));
  const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, "-");
  return new Response(auditCsvStream(scope, filter), {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="audit-${stamp}.csv"`, "cache-control": "no-store" },
  });
}
