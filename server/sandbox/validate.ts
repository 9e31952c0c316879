import "server-only";
import { YES_NO } from "@/lib/cams/operations";
import { business, notOwned } from "./errors";
import type { Located, SandboxState, Space } from "./state";

/** Validation CAMS/WhatsApp apply (API.md §7–8). All refusals here are business errors (HTTP 200). */

export type Params = Record<string, string | undefined>;

export interface OpContext {
  state: SandboxState;
  /** The caller's AccessKeyId: the account that owns spaces. */
  owner: string;
  params: Params;
  now: number;
  /** Base URL of this sandbox as the caller reached it (for QrImageUrl). */
  baseUrl: string;
}

export function digitsOnly(name: string, value: string): string {
  if (!/^\d+$/.test(value)) {
    throw business("InvalidParameter.OnlyNumeric", `${name} must contain digits only (no +, spaces or dashes): ${value}`);
  }
  return value;
}

/** A full number: country code + national number, E.164 without "+". */
export function fullPhone(value: string | undefined): string {
  const v = digitsOnly("PhoneNumber", value ?? "");
  if (!/^[1-9]\d{7,14}$/.test(v)) {
    throw business("InvalidParameter.PhoneNumberError", `PhoneNumber must be the country code plus the national number, 8-15 digits: ${v}`);
  }
  return v;
}

export function yesNo(name: string, value: string | undefined): "Y" | "N" | undefined {
  if (value === undefined || value === "") return undefined;
  if (!(YES_NO as readonly string[]).includes(value)) {
    throw business(`InvalidParameter.${name}`, `${name} must be Y or N: ${value}`);
  }
  return value as "Y" | "N";
}

export function callbackUrl(name: string, value: string | undefined): string | undefined {
  if (value === undefined || value === "") return undefined;
  let ok = value.length <= 1024;
  try {
    const u = new URL(value);
    ok &&= (u.protocol === "http:" || u.protocol === "https:") && !!u.hostname;
  } catch {
    ok = false;
  }
  if (!ok) throw business("InvalidParameter.CallbackUrl", `${name} must be an absolute http(s) URL of at most 1024 characters.`);
  return value;
}

export const codePoints = (s: string) => Array.from(s).length;

/** A space the caller owns; an unknown space or another account's is Unknown.ResourceOwnerId. */
export function ownedSpace(ctx: OpContext, id: string | undefined): Space {
  const space = id ? ctx.state.spaces.get(id) : undefined;
  if (!space || space.owner !== ctx.owner) throw notOwned();
  return space;
}

/** Spaces in scope: the given CustSpaceId, or every space the caller owns. */
export function spacesInScope(ctx: OpContext): Space[] {
  const id = ctx.params.CustSpaceId;
  if (id) return [ownedSpace(ctx, id)];
  return [...ctx.state.spaces.values()].filter((s) => s.owner === ctx.owner);
}

/** The number named by PhoneNumber, in CustSpaceId when given, else in any space the caller owns. */
export function locate(ctx: OpContext): Located {
  const phone = fullPhone(ctx.params.PhoneNumber);
  const spaceId = ctx.params.CustSpaceId;
  if (spaceId) {
    const space = ownedSpace(ctx, spaceId);
    const rec = space.numbers.get(phone);
    if (!rec) throw notOwned();
    return { space, rec };
  }
  const loc = ctx.state.findNumber(phone);
  if (!loc || loc.space.owner !== ctx.owner) throw notOwned();
  return loc;
}

export function requireVerified(loc: Located): void {
  if (loc.rec.codeVerificationStatus !== "VERIFIED") {
    throw business(
      "InvalidParameter.PhoneNumberNotVerified",
      `The phone number ${loc.rec.phoneNumber} is not verified. Call GetChatappVerifyCode and ChatappVerifyAndRegister first.`,
    );
  }
}
