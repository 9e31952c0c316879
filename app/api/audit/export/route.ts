import { NextResponse, type NextRequest } from "next/server";
import { getTranslations } from "next-intl/server";
import { operationLabel } from "@/lib/audit-display";
import { auditFilterSchema } from "@/lib/schemas/audit";
import { auditCsvStream } from "@/server/audit/csv";
import { refusal, requireUser } from "@/server/auth/route";
import { csvHeaders } from "@/server/csv";
import { auditScope } from "@/server/data/audit";

export async function GET(req: NextRequest) {
  const user = await requireUser();
  if (user instanceof NextResponse) return user;
  const scope = await auditScope(user);
  if (scope !== "all" && scope.length === 0) return refusal("noAuditAccess", 403);
  const filter = auditFilterSchema.parse(Object.fromEntries(req.nextUrl.searchParams));
  const t = await getTranslations("audit");
  return new Response(auditCsvStream(scope, filter, undefined, (op) => operationLabel(t, op)), { headers: csvHeaders("audit") });
}
