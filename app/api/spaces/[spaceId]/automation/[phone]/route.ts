import { numberRoute } from "@/server/auth/number-route";
import { getAutomation } from "@/server/data/automation";

/** One number's welcome switch, ice breakers and commands as CAMS holds them now, with its prefilled QR codes. */
export const GET = numberRoute("read", "automation.detail", (spaceId, phone) => getAutomation(spaceId, phone));
