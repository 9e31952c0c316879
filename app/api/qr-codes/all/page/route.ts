import { NextResponse, type NextRequest } from "next/server";
import { allQrPageSchema, type AllQrPageResponse } from "@/lib/schemas/qr-codes";
import { requireUser } from "@/server/auth/route";
import { pageAllSpacesQrCodes } from "@/server/data/qr-codes";
import { errorResponse } from "@/server/safe-error";

/** One page of every readable space's stored QR codes (search, number filter and page in the query string), from the inventory in SQL. */
export async function GET(req: NextRequest) {
  const user = await requireUser();
  if (user instanceof NextResponse) return user;
  try {
    const query = allQrPageSchema.parse(Object.fromEntries(req.nextUrl.searchParams));
    const body: AllQrPageResponse = { ...(await pageAllSpacesQrCodes(user, query)), fetchedAt: new Date().toISOString() };
    return NextResponse.json(body, { headers: { "cache-control": "no-store" } });
  } catch (err) {
    return errorResponse(err, "qr-codes.all");
  }
}
