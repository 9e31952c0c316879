import { NextResponse, type NextRequest } from "next/server";
import { statusFilterField, type AllSpacesResponse } from "@/lib/schemas/phone-numbers";
import { requireUser } from "@/server/auth/route";
import { listAllSpacesNumbers } from "@/server/data/phone-numbers";

/** Every readable space's numbers, queried in parallel; a space whose call failed comes back marked, not missing. */
export async function GET(req: NextRequest) {
  const user = await requireUser();
  if (user instanceof NextResponse) return user;
  const status = statusFilterField.parse(req.nextUrl.searchParams.get("status") ?? undefined);
  const body: AllSpacesResponse = { spaces: await listAllSpacesNumbers(user, status), fetchedAt: new Date().toISOString() };
  return NextResponse.json(body, { headers: { "cache-control": "no-store" } });
}
