import { NextResponse } from "next/server";
import { fullPhoneField } from "@/lib/schemas/phone-numbers";
import { requireSpaceAccess } from "@/server/auth/route";
import { readErrorResponse } from "@/server/data/phone-numbers";
import { listNumberQrCodes } from "@/server/data/qr-codes";

/**
 * One number's message QR codes. The space page calls this once per number, so the browser sees
 * codes arrive number by number while the CAMS client paces the calls (5 per second per account).
 */
export async function GET(_req: Request, { params }: { params: Promise<{ spaceId: string; phone: string }> }) {
  const { spaceId, phone } = await params;
  const access = await requireSpaceAccess(spaceId, "read");
  if (access instanceof NextResponse) return access;
  if (!fullPhoneField.safeParse(phone).success) {
    return NextResponse.json({ message: "Not a phone number: country code and number, digits only." }, { status: 400 });
  }
  try {
    return NextResponse.json(await listNumberQrCodes(spaceId, phone), { headers: { "cache-control": "no-store" } });
  } catch (err) {
    return readErrorResponse(err, "qr-codes.list");
  }
}
