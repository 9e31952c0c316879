import { NextResponse, type NextRequest } from "next/server";
import { fullPhoneField, metricQuerySchema } from "@/lib/schemas/phone-numbers";
import { requireSpaceAccess } from "@/server/auth/route";
import { getPhoneNumberMetrics, readErrorResponse } from "@/server/data/phone-numbers";

/** Sent and delivered messages (GetChatappPhoneNumberMetric): ?granularity=DAILY (30 days) or HALF_HOUR (24 hours). */
export async function GET(req: NextRequest, { params }: { params: Promise<{ spaceId: string; phone: string }> }) {
  const { spaceId, phone } = await params;
  const access = await requireSpaceAccess(spaceId, "read");
  if (access instanceof NextResponse) return access;
  if (!fullPhoneField.safeParse(phone).success) return NextResponse.json({ message: "Not found." }, { status: 404 });
  const { granularity } = metricQuerySchema.parse({ granularity: req.nextUrl.searchParams.get("granularity") ?? undefined });
  try {
    return NextResponse.json(await getPhoneNumberMetrics(spaceId, phone, granularity), { headers: { "cache-control": "no-store" } });
  } catch (err) {
    return readErrorResponse(err, "phone-numbers.metrics");
  }
}
