import { numberRoute } from "@/server/auth/number-route";
import { listNumberQrCodes } from "@/server/data/qr-codes";

/**
 * One number's message QR codes. The space page calls this once per number, so the browser sees
 * codes arrive number by number while the CAMS client paces the calls (5 per second per account).
 */
export const GET = numberRoute("read", "qr-codes.list", (spaceId, phone) => listNumberQrCodes(spaceId, phone));
