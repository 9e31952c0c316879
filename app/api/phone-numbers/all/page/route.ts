import { NextResponse, type NextRequest } from "next/server";
import { allSpacesPageSchema, type AllSpacesPageResponse } from "@/lib/schemas/phone-numbers";
import { requireUser } from "@/server/auth/route";
import { pageAllSpacesNumbers } from "@/server/data/phone-numbers";

/** One page of every readable space's numbers (search, filters, sort in the query string), from the inventory in SQL. */
export async function GET(req: NextRequest) {
  const user = await requireUser();
  if (user instanceof NextResponse) return user;
  const query = allSpacesPageSchema.parse(Object.fromEntries(req.nextUrl.searchParams));
  const body: AllSpacesPageResponse = { ...(await pageAllSpacesNumbers(user, query)), fetchedAt: new Date().toISOString() };
  return NextResponse.json(body, { headers: { "cache-control": "no-store" } });
}
