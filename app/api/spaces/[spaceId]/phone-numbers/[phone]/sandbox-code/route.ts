import { numberRoute } from "@/server/auth/number-route";
import { sandboxVerificationCode } from "@/server/data/phone-numbers";

/**
 * The code the CAMS sandbox "sent" to this number, for whoever may verify it (operator or admin).
 * Always null for spaces on a real cloud account.
 */
export const GET = numberRoute("write", "phone-numbers.sandbox-code", async (spaceId, phone) => ({
  code: await sandboxVerificationCode(spaceId, phone),
}));
