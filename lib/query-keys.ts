/**
 * TanStack Query keys, one factory per resource. Never inline a key: invalidation relies on these
 * prefixes (`all` ⊃ `lists()` ⊃ `list(…)`).
 */

export const phoneNumberKeys = {
  all: ["phone-numbers"] as const,
  lists: () => [...phoneNumberKeys.all, "list"] as const,
  /** One space's numbers; `status` is the server-side Status filter. */
  list: (spaceId: string, filters: { status?: string | null } = {}) =>
    [...phoneNumberKeys.lists(), spaceId, { status: filters.status ?? null }] as const,
  /** Every space the caller can read (the "All spaces" view). */
  allSpaces: (filters: { status?: string | null } = {}) => [...phoneNumberKeys.lists(), "all", { status: filters.status ?? null }] as const,
  details: () => [...phoneNumberKeys.all, "detail"] as const,
  detail: (spaceId: string, phone: string) => [...phoneNumberKeys.details(), spaceId, phone] as const,
  metrics: (spaceId: string, phone: string, granularity: string) => [...phoneNumberKeys.all, "metrics", spaceId, phone, granularity] as const,
  /** The sandbox's pending verification code (sandbox spaces only). */
  sandboxCode: (spaceId: string, phone: string) => [...phoneNumberKeys.all, "sandbox-code", spaceId, phone] as const,
};
