import { NextResponse, type NextRequest } from "next/server";
import { historyFilterSchema, type HistoryEventDto } from "@/lib/schemas/history";
import { fullPhoneField } from "@/lib/schemas/phone-numbers";
import { refusal, requireUser } from "@/server/auth/route";
import { csvHeaders, csvStream } from "@/server/csv";
import { exportHistory, historyScope } from "@/server/data/history";

const HEADER = ["id", "observed_at", "space", "phone_number", "field", "old_value", "new_value", "source", "via", "operation", "by", "audit_event_id"];

/**
 * The filtered history as CSV: `space` is a space id or "all" (every space the caller may read);
 * `number` limits it to one number (its History tab). Who made a change only where the caller
 * may read the space's audit log, as on the page.
 */
export async function GET(req: NextRequest) {
  const user = await requireUser();
  if (user instanceof NextResponse) return user;
  const params = req.nextUrl.searchParams;
  const scope = await historyScope(user, params.get("space") ?? "all");
  if (!scope) return refusal("noSpaceAccess", 403);
  const number = params.get("number");
  if (number !== null && !fullPhoneField.safeParse(number).success) return refusal("notFound", 404);
  const filter = historyFilterSchema.parse(Object.fromEntries(params));
  return new Response(
    csvStream(HEADER, exportHistory(scope, { ...filter, before: undefined, exactPhone: number ?? undefined }), (e: HistoryEventDto) => [
      e.id,
      e.observedAt,
      e.spaceName ?? e.spaceId,
      e.phoneNumber,
      e.field,
      e.oldValue,
      e.newValue,
      e.source,
      e.via,
      e.operation,
      e.actorEmail,
      e.auditEventId,
    ]),
    { headers: csvHeaders("history") },
  );
}
