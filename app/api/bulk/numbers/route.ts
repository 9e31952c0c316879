import { NextResponse, type NextRequest } from "next/server";
import type { BulkNumbersResponse } from "@/lib/schemas/bulk";
import { idField } from "@/lib/schemas/common";
import { statusFilterField } from "@/lib/schemas/phone-numbers";
import { requireUser } from "@/server/auth/route";
import { numbersForBulk } from "@/server/data/bulk";

/**
 * The numbers a job could change: `?spaces=<id>,<id>&status=CONNECTED`. Spaces the caller may not
 * change are left out (a viewer gets nothing); a space whose CAMS call failed comes back marked.
 */
export async function GET(req: NextRequest) {
  const user = await requireUser();
  if (user instanceof NextResponse) return user;
  const q = req.nextUrl.searchParams;
  const spaceIds = (q.get("spaces") ?? "").split(",").filter((s) => idField.safeParse(s).success).slice(0, 50);
  const status = statusFilterField.safeParse(q.get("status") || undefined);
  const body: BulkNumbersResponse = {
    spaces: await numbersForBulk(user, spaceIds, status.success ? status.data : undefined),
    fetchedAt: new Date().toISOString(),
  };
  return NextResponse.json(body, { headers: { "cache-control": "no-store" } });
}
