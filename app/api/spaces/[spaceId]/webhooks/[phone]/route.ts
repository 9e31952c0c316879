import { numberRoute } from "@/server/auth/number-route";
import { getPhoneWebhook } from "@/server/data/webhooks";

/** One number's callback settings as CAMS holds them now. */
export const GET = numberRoute("read", "webhooks.detail", (spaceId, phone) => getPhoneWebhook(spaceId, phone));
