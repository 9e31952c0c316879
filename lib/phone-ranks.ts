/** Sort ranks of the number list's enum columns: the browser's sort and the server's SQL agree on them. */

/**
 * Daily conversation limit of a tier, for sorting. The guide's TIER_10/TIER_1000 mean 1K/100K;
 * TIER_50 is 50 for Meta but 10K in the guide: sorted as Meta's, labelled as ambiguous.
 */
export const TIER_RANK: Record<string, number> = {
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

export const QUALITY_RANK: Record<string, number> = { GREEN: 3, YELLOW: 2, RED: 1, UNKNOWN: 0 };
export const qualityRank = (v: string | null) => (v ? (QUALITY_RANK[v] ?? 0) : -1);
