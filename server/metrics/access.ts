import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import type { NextResponse } from "next/server";
import { env } from "@/lib/env";
import { refusal } from "@/server/auth/route";
import { getSessionUser } from "@/server/auth/session";

const digest = (s: string) => createHash("sha256").update(s).digest();

/** Constant-time, whatever the lengths (both sides are hashed first). */
export function tokenMatches(given: string, expected: string | undefined): boolean {
  return !!expected && timingSafeEqual(digest(given), digest(expected));
}

/**
 * Who may read /metrics: a scraper sending `Authorization: Bearer <METRICS_TOKEN>` (when the
 * variable is set), or a signed-in administrator. A wrong token is refused even with a session,
 * so a misconfigured scraper is noticed. Returns the refusal to send, or null.
 */
export async function metricsRefusal(authorization: string | null): Promise<NextResponse | null> {
  const bearer = authorization?.match(/^Bearer\s+(.+)$/i)?.[1]?.trim();
  if (bearer !== undefined) return tokenMatches(bearer, env.METRICS_TOKEN) ? null : refusal("notSignedIn", 401);
  const user = await getSessionUser();
  if (!user) return refusal("notSignedIn", 401);
  return user.isAdmin ? null : refusal("adminOnly", 403);
}
