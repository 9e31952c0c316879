import { NextResponse, type NextRequest } from "next/server";
import { getTranslations } from "next-intl/server";
import { operationLabel } from "@/lib/audit-display";
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
  const t = await getTranslations("audit");
  return new Response(auditCsvStream(scope, filter, undefined, (op) => operationLabel(t, op)), {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="audit-${stamp}.csv"`, "cache-control": "no-store" },
  });
}
