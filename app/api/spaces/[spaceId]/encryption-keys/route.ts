import { NextResponse } from "next/server";
import type { KeyNumbersResponse } from "@/lib/schemas/encryption-keys";
import { requireSpaceAccess } from "@/server/auth/route";
import { listKeyNumbers } from "@/server/data/encryption-keys";
import { errorResponse } from "@/server/safe-error";

/**
 * The space's numbers with their stored keys and last key change made here, from the inventory;
 * a number whose key was never observed is read per number (…/encryption-keys/<phone>).
 */
export async function GET(_req: Request, { params }: { params: Promise<{ spaceId: string }> }) {
  const { spaceId } = await params;
  const access = await requireSpaceAccess(spaceId, "read");
  if (access instanceof NextResponse) return access;
  try {
    const body: KeyNumbersResponse = { ...(await listKeyNumbers(spaceId)), fetchedAt: new Date().toISOString() };
    return NextResponse.json(body, { headers: { "cache-control": "no-store" } });
  } catch (err) {
    return errorResponse(err, "encryption-keys.list");
  }
}
