import { NextResponse } from "next/server";
import type { EncryptionKeyResponse } from "@/lib/schemas/encryption-keys";
import { fullPhoneField } from "@/lib/schemas/phone-numbers";
import { requireSpaceAccess } from "@/server/auth/route";
import { getEncryptionKey, lastKeyChange } from "@/server/data/encryption-keys";
import { readErrorResponse } from "@/server/data/phone-numbers";

/** One number's key (GetPhoneEncryptionPublicKey, 5 QPS per account: the client's limiter paces it) and its last change here. */
export async function GET(_req: Request, { params }: { params: Promise<{ spaceId: string; phone: string }> }) {
  const { spaceId, phone } = await params;
  const access = await requireSpaceAccess(spaceId, "read");
  if (access instanceof NextResponse) return access;
  if (!fullPhoneField.safeParse(phone).success) return NextResponse.json({ message: "Not found." }, { status: 404 });
  try {
    const [{ result, requestId }, lastChange] = await Promise.all([getEncryptionKey(spaceId, phone), lastKeyChange(spaceId, phone)]);
    const body: EncryptionKeyResponse = { phoneNumber: phone, result, requestId, lastChange, fetchedAt: new Date().toISOString() };
    return NextResponse.json(body, { headers: { "cache-control": "no-store" } });
  } catch (err) {
    return readErrorResponse(err, "encryption-keys.detail");
  }
}
