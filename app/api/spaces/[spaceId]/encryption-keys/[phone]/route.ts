import { numberRoute } from "@/server/auth/number-route";
import { keyResponse } from "@/server/data/encryption-keys";

/** One number's key from the inventory (no CAMS call once it was observed) and its last change here. */
export const GET = numberRoute("read", "encryption-keys.detail", (spaceId, phone) => keyResponse(spaceId, phone));
