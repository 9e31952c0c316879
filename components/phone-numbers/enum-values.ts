/**
 * The enum-like fields of a number, whose values differ between CAMS's guide, its metadata and
 * Meta (API.md §10). Known values get a tone and a label (messages phoneNumbers.values.<kind>.<VALUE>);
 * any other value is shown as it came, never an error.
 */

export type EnumKind = "status" | "quality" | "tier" | "nameStatus" | "verification" | "health" | "keyStatus";
export type Tone = "success" | "warning" | "destructive" | "muted" | "outline";

const TONES: Record<EnumKind, Record<string, Tone>> = {
  status: {
    CONNECTED: "success",
    PENDING: "warning",
    FLAGGED: "warning",
    RATE_LIMITED: "warning",
    RESTRICTED: "warning",
    UNVERIFIED: "warning",
    OFFLINE: "warning",
    PAUSED: "warning",
    BANNED: "destructive",
    DELETED: "destructive",
    DISCONNECTED: "muted",
    MIGRATED: "muted",
    UNKNOWN: "muted",
  },
  quality: { GREEN: "success", YELLOW: "warning", RED: "destructive", UNKNOWN: "muted" },
  tier: {},
  nameStatus: {
    APPROVED: "success",
    Approval: "success",
    AVAILABLE_WITHOUT_REVIEW: "success",
    PENDING_REVIEW: "warning",
    Pending_Review: "warning",
    DECLINED: "destructive",
    Rejected: "destructive",
    EXPIRED: "muted",
    NONE: "muted",
  },
  verification: { VERIFIED: "success", NOT_VERIFIED: "warning", UNVERIFIED: "warning", EXPIRED: "warning" },
  /** GetWhatsappHealthStatus's CanSendMessage. */
  health: { AVAILABLE: "success", LIMITED: "warning", BLOCKED: "destructive" },
  /** The encryption key's status as History records it ("missing": the number has no key). */
  keyStatus: { VALID: "success", MISMATCH: "destructive", missing: "warning" },
};

/** Values the Status filter offers (CAMS metadata plus the user guide's extra ones). */
export const STATUS_FILTERS = [
  "CONNECTED", "PENDING", "FLAGGED", "RATE_LIMITED", "RESTRICTED", "UNVERIFIED", "DISCONNECTED",
  "BANNED", "MIGRATED", "DELETED", "OFFLINE", "PAUSED", "UNKNOWN",
] as const;
export const QUALITY_FILTERS = ["GREEN", "YELLOW", "RED", "UNKNOWN"] as const;

export function toneOf(kind: EnumKind, value: string | null | undefined): Tone {
  if (!value) return "muted";
  return TONES[kind][value] ?? "outline";
}

/** Messages keys can hold these values; anything else (dots, spaces) is shown raw. */
export const isLabelKey = (value: string) => /^[A-Za-z0-9_]{1,40}$/.test(value);

export { qualityRank, tierRank } from "@/lib/phone-ranks";
