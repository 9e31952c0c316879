import { NextResponse } from "next/server";
import { fullPhoneField } from "@/lib/schemas/phone-numbers";
import { requireSpaceAccess } from "@/server/auth/route";
import { sandboxVerificationCode } from "@/server/data/phone-numbers";

/**
 * The code the CAMS sandbox "sent" to this number, for whoever may verify it (operator or admin).
 * Always null for spaces on a real cloud account.
 */
export async function GET(_req: Request, { params }: { params: Promise<{ spaceId: string; phone: string }> }) {
  const { spaceId, phone } = await params;
  const access = await requireSpaceAccess(spaceId, "write");
  if (access instanceof NextResponse) return access;
  if (!fullPhoneField.safeParse(phone).success) return NextResponse.json({ message: "Not found." }, { status: 404 });
  return NextResponse.json({ code: await sandboxVerificationCode(spaceId, phone) }, { headers: { "cache-control": "no-store" } });
}
