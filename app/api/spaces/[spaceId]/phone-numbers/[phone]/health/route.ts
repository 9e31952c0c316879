import { numberRoute } from "@/server/auth/number-route";
import { getHealth } from "@/server/data/profile";

/** One number's health from the inventory (read from CAMS once when never stored); `?live=1` checks now. */
export const GET = numberRoute("read", "profile.health", async (spaceId, phone, req) => ({
  health: await getHealth(spaceId, phone, { live: req.nextUrl.searchParams.get("live") === "1" }),
}));
