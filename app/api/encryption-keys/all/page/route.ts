import { NextResponse, type NextRequest } from "next/server";
import { allKeysPageSchema, type AllKeysPageResponse } from "@/lib/schemas/encryption-keys";
import { requireUser } from "@/server/auth/route";
import { pageAllSpacesKeys } from "@/server/data/encryption-keys";
import { errorResponse } from "@/server/safe-error";

/** One page of every readable space's numbers with their stored keys, from the inventory in SQL. */
export async function GET(req: NextRequest) {
  const user = await requireUser();
  if (user instanceof NextResponse) return user;
  try {
    const query = allKeysPageSchema.parse(Object.fromEntries(req.nextUrl.searchParams));
    const body: AllKeysPageResponse = { ...(await pageAllSpacesKeys(user, query)), fetchedAt: new Date().toISOString() };
    return NextResponse.json(body, { headers: { "cache-control": "no-store" } });
  } catch (err) {
    return errorResponse(err, "encryption-keys.all");
  }
}
