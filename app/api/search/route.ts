import { NextResponse, type NextRequest } from "next/server";
import { searchQuerySchema } from "@/lib/schemas/search";
import { refusal, requireUser } from "@/server/auth/route";
import { searchFleet } from "@/server/data/search";

/** The header search across every space the caller may read (from the inventory; no CAMS call). */
export async function GET(req: NextRequest) {
  const user = await requireUser();
  if (user instanceof NextResponse) return user;
  const parsed = searchQuerySchema.safeParse({ q: req.nextUrl.searchParams.get("q") ?? "" });
  if (!parsed.success) return refusal("searchTooShort", 400);
  return NextResponse.json(await searchFleet(user, parsed.data.q), { headers: { "cache-control": "no-store" } });
}
