import { NextResponse, type NextRequest } from "next/server";
import { statusFilterField, type PhoneListResponse } from "@/lib/schemas/phone-numbers";
import { requireSpaceAccess } from "@/server/auth/route";
import { listPhoneNumbersView } from "@/server/data/phone-numbers";
import { errorResponse } from "@/server/safe-error";

/** The space's numbers (QueryChatappPhoneNumbers), optionally filtered by Status on the CAMS side. */
export async function GET(req: NextRequest, { params }: { params: Promise<{ spaceId: string }> }) {
  const { spaceId } = await params;
  const access = await requireSpaceAccess(spaceId, "read");
  if (access instanceof NextResponse) return access;
  const status = statusFilterField.parse(req.nextUrl.searchParams.get("status") ?? undefined);
  try {
    const body: PhoneListResponse = { ...(await listPhoneNumbersView(spaceId, status)), fetchedAt: new Date().toISOString() };
    return NextResponse.json(body, { headers: { "cache-control": "no-store" } });
  } catch (err) {
    return errorResponse(err, "phone-numbers.list");
  }
}
