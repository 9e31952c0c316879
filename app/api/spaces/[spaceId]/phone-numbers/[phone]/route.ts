import { numberRoute } from "@/server/auth/number-route";
import { getPhoneNumber } from "@/server/data/phone-numbers";

/** One number of the space, with every field CAMS returns for it. */
export const GET = numberRoute("read", "phone-numbers.detail", (spaceId, phone) => getPhoneNumber(spaceId, phone));
