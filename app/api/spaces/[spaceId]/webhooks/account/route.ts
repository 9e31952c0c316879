import { NextResponse } from "next/server";
import { requireSpaceAccess } from "@/server/auth/route";
import { getAccountWebhook } from "@/server/data/webhooks";

/** The space-level webhook as last saved from CAMS Admin (CAMS has no operation that reads it), or null. */
export async function GET(_req: Request, { params }: { params: Promise<{ spaceId: string }> }) {
  const { spaceId } = await params;
  const access = await requireSpaceAccess(spaceId, "read");
  if (access instanceof NextResponse) return access;
  return NextResponse.json({ state: await getAccountWebhook(spaceId) }, { headers: { "cache-control": "no-store" } });
}
