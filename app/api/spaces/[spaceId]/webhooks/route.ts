import { NextResponse } from "next/server";
import type { AllSpacesWebhooksResponse, SpaceWebhooksResponse } from "@/lib/schemas/webhooks";
import { requireSpaceAccess, requireUser } from "@/server/auth/route";
import { errorResponse } from "@/server/safe-error";
import { listAllSpacesWebhooks, listWebhooks } from "@/server/data/webhooks";

const NO_STORE = { headers: { "cache-control": "no-store" } };

/**
 * The space's numbers with their callback settings (QueryChatappPhoneNumbers). "all" is every
 * space the caller can read, each queried on its own; a failed space comes back marked.
 */
export async function GET(_req: Request, { params }: { params: Promise<{ spaceId: string }> }) {
  const { spaceId } = await params;
  if (spaceId === "all") {
    const user = await requireUser();
    if (user instanceof NextResponse) return user;
    const body: AllSpacesWebhooksResponse = { spaces: await listAllSpacesWebhooks(user), fetchedAt: new Date().toISOString() };
    return NextResponse.json(body, NO_STORE);
  }
  const access = await requireSpaceAccess(spaceId, "read");
  if (access instanceof NextResponse) return access;
  try {
    const body: SpaceWebhooksResponse = { numbers: await listWebhooks(spaceId), fetchedAt: new Date().toISOString() };
    return NextResponse.json(body, NO_STORE);
  } catch (err) {
    return errorResponse(err, "webhooks.list");
  }
}
