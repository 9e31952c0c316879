import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import { fullPhoneField } from "@/lib/schemas/phone-numbers";
import { getDb } from "@/server/db";
import { isNumberOfSpace } from "@/server/inventory/membership";
import { errorResponse } from "@/server/safe-error";
import { refusal, requireSpaceAccess } from "./route";

type NumberParams = { params: Promise<{ spaceId: string; phone: string }> };

/**
 * A GET handler for one number of a space (`/api/spaces/[spaceId]/…/[phone]`): checks the caller's
 * role in the space first, then the number's form, then that the number belongs to the space in the
 * inventory (404 otherwise, before any CAMS call for it), and turns what `read` returns
 * into JSON that is never cached: `null` is a 404, a thrown CAMS error the explained read error,
 * and a Response (a CSV download) is sent as it is.
 */
export function numberRoute<T>(
  level: "read" | "write",
  what: string,
  read: (spaceId: string, phone: string, req: NextRequest) => Promise<T | null>,
) {
  return async function GET(req: NextRequest, { params }: NumberParams) {
    const { spaceId, phone } = await params;
    const access = await requireSpaceAccess(spaceId, level);
    if (access instanceof NextResponse) return access;
    if (!fullPhoneField.safeParse(phone).success) return refusal("notFound", 404);
    try {
      if (!(await isNumberOfSpace(getDb(), spaceId, phone))) return refusal("numberNotInSpace", 404);
      const body = await read(spaceId, phone, req);
      if (body === null) return refusal("notFound", 404);
      if (body instanceof Response) return body;
      return NextResponse.json(body, { headers: { "cache-control": "no-store" } });
    } catch (err) {
      return errorResponse(err, what);
    }
  };
}
