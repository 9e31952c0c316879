import { numberRoute } from "@/server/auth/number-route";
import { getProfile } from "@/server/data/profile";

/** One number's business profile as CAMS holds it now. */
export const GET = numberRoute("read", "profile.detail", (spaceId, phone) => getProfile(spaceId, phone));
