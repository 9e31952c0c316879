import { NextResponse, type NextRequest } from "next/server";
import { shellSpacesQuerySchema } from "@/lib/schemas/spaces";
import { refusal, requireUser } from "@/server/auth/route";
import { shellSpaces } from "@/server/data/spaces";

/** The header switcher's spaces: the caller's readable spaces matching `q`, or the one `id` (none when not readable). */
export async function GET(req: NextRequest) {
  const user = await requireUser();
  if (user instanceof NextResponse) return user;
  const params = req.nextUrl.searchParams;
  const parsed = shellSpacesQuerySchema.safeParse({
    q: params.get("q") ?? undefined,
    id: params.get("id") ?? undefined,
    writable: params.get("writable") ?? undefined,
  });
  if (!parsed.success) return refusal("badFilter", 400);
  return NextResponse.json(await shellSpaces(user, parsed.data), { headers: { "cache-control": "no-store" } });
}
