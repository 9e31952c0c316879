import "server-only";
import { NextResponse } from "next/server";
import { ActionError, type ServerMessageKey } from "@/server/actions/errors";
import { errorResponse } from "@/server/safe-error";
import { canWrite, getSessionUser, roleInSpace, type SessionUser, type SpaceRole } from "./session";

export type RouteAccess = { user: SessionUser; role: SpaceRole };

/** A route handler's refusal: the same translated body as an action's ActionError. */
export const refusal = (key: ServerMessageKey, httpStatus: number): NextResponse => errorResponse(new ActionError(key, { httpStatus }), "refusal");

/**
 * The GET-route equivalent of the space action clients: 401 without a session, 403 without the
 * needed role in the space. Returns the caller or a response to send as is.
 */
export async function requireSpaceAccess(
  spaceId: string | null | undefined,
  level: "read" | "write" = "read",
): Promise<RouteAccess | NextResponse> {
  const user = await getSessionUser();
  if (!user) return refusal("notSignedIn", 401);
  const role = spaceId ? await roleInSpace(user, spaceId) : null;
  if (!role || (level === "write" && !canWrite(role))) {
    return refusal("noSpaceAccess", 403);
  }
  return { user, role };
}

export async function requireUser(): Promise<SessionUser | NextResponse> {
  const user = await getSessionUser();
  return user ?? refusal("notSignedIn", 401);
}
