import { NextResponse } from "next/server";
import { fullPhoneField } from "@/lib/schemas/phone-numbers";
import { requireSpaceAccess } from "@/server/auth/route";
import { readErrorResponse } from "@/server/data/phone-numbers";
import { getPhoneWebhook } from "@/server/data/webhooks";

/** One number's callback settings as CAMS holds them now. */
export async function GET(_req: Request, { params }: { params: Promise<{ spaceId: string; phone: string }> }) {
  const { spaceId, phone } = await params;
  const access = await requireSpaceAccess(spaceId, "read");
  if (access instanceof NextResponse) return access;
  if (!fullPhoneField.safeParse(phone).success) return NextResponse.json({ message: "Not found." }, { status: 404 });
  try {
    const row = await getPhoneWebhook(spaceId, phone);
    if (!row) return NextResponse.json({ message: "Not found." }, { status: 404 });
    return NextResponse.json(row, { headers: { "cache-control": "no-store" } });
  } catch (err) {
    return readErrorResponse(err, "webhooks.detail");
  }
}
