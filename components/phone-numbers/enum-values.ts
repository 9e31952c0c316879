/**
 * The enum-like fields of a number, whose values differ between CAMS's guide, its metadata and
 * Meta (API.md §10). Known values get a tone and a label (messages phoneNumbers.values.<kind>.<VALUE>);
 * any other value is shown as it came, never an error.
 */

export type EnumKind = "status" | "quality" | "tier" | "nameStatus" | "verification";
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

/**
 * Daily conversation limit of a tier, for sorting. The guide's TIER_10/TIER_1000 mean 1K/100K;
 * TIER_50 is 50 for Meta but 10K in the guide: sorted as Meta's, labelled as ambiguous.
 */
const TIER_RANK: Record<string, number> = {
  TIER_50: 50,
  TIER_250: 250,
  TIER_10: 1_000,
  TIER_1K: 1_000,
  TIER_10K: 10_000,
  TIER_1000: 100_000,
  TIER_100K: 100_000,
  TIER_UNLIMITED: Number.MAX_SAFE_INTEGER,
  UNLIMITED: Number.MAX_SAFE_INTEGER,
};
export const tierRank = (v: string | null) => (v ? (TIER_RANK[v] ?? 0) : -1);

const QUALITY_RANK: Record<string, number> = { GREEN: 3, YELLOW: 2, RED: 1, UNKNOWN: 0 };
export const qualityRank = (v: string | null) => (v ? (QUALITY_RANK[v] ?? 0) : -1);
