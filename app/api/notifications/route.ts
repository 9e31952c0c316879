import { NextResponse } from "next/server";
import { requireUser } from "@/server/auth/route";
import { listNotifications } from "@/server/data/notifications";

/** The bell: the caller's newest notifications (spaces they may read) and the unread count. */
export async function GET() {
  const user = await requireUser();
  if (user instanceof NextResponse) return user;
  return NextResponse.json(await listNotifications(user), { headers: { "cache-control": "no-store" } });
}
