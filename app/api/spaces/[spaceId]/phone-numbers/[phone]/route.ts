import { NextResponse } from "next/server";
import { fullPhoneField } from "@/lib/schemas/phone-numbers";
import { requireSpaceAccess } from "@/server/auth/route";
import { getPhoneNumber, readErrorResponse } from "@/server/data/phone-numbers";

/** One number of the space, with every field CAMS returns for it. */
export async function GET(_req: Request, { params }: { params: Promise<{ spaceId: string; phone: string }> }) {
  const { spaceId, phone } = await params;
  const access = await requireSpaceAccess(spaceId, "read");
  if (access instanceof NextResponse) return access;
  if (!fullPhoneField.safeParse(phone).success) return NextResponse.json({ message: "Not found." }, { status: 404 });
  try {
    const number = await getPhoneNumber(spaceId, phone);
    if (!number) return NextResponse.json({ message: "Not found." }, { status: 404 });
    return NextResponse.json(number, { headers: { "cache-control": "no-store" } });
  } catch (err) {
    return readErrorResponse(err, "phone-numbers.detail");
  }
}
