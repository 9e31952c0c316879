import "server-only";
import { NextResponse } from "next/server";
import { canWrite, getSessionUser, roleInSpace, type SessionUser, type SpaceRole } from "./session";

export type RouteAccess = { user: SessionUser; role: SpaceRole };

/**
 * The GET-route equivalent of the space action clients: 401 without a session, 403 without the
 * needed role in the space. Returns the caller or a response to send as is.
 */
export async function requireSpaceAccess(
  spaceId: string | null | undefined,
  level: "read" | "write" = "read",
): Promise<RouteAccess | NextResponse> {
  const user = await getSessionUser();
  if (!user) return NextResponse.json({ message: "You are not signed in." }, { status: 401 });
  const role = spaceId ? await roleInSpace(user, spaceId) : null;
  if (!role || (level === "write" && !canWrite(role))) {
    return NextResponse.json({ message: "You do not have access to this space." }, { status: 403 });
  }
  return { user, role };
}

export async function requireUser(): Promise<SessionUser | NextResponse> {
  const user = await getSessionUser();
  return user ?? NextResponse.json({ message: "You are not signed in." }, { status: 401 });
}
