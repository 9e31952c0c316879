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
  /** One page of every readable space's numbers (search, filters, sort and page made in SQL). */
  allSpacesPage: (query: Record<string, string | number | undefined>) => [...phoneNumberKeys.lists(), "all-page", query] as const,
  details: () => [...phoneNumberKeys.all, "detail"] as const,
  detail: (spaceId: string, phone: string) => [...phoneNumberKeys.details(), spaceId, phone] as const,
  metrics: (spaceId: string, phone: string, granularity: string) => [...phoneNumberKeys.all, "metrics", spaceId, phone, granularity] as const,
  /** The sandbox's pending verification code (sandbox spaces only). */
  sandboxCode: (spaceId: string, phone: string) => [...phoneNumberKeys.all, "sandbox-code", spaceId, phone] as const,
};

export const qrCodeKeys = {
  all: ["qr-codes"] as const,
  numbers: () => [...qrCodeKeys.all, "number"] as const,
  /** One number's codes (ListPhoneMessageQrdl); the space page reads the same keys, number by number. */
  number: (spaceId: string, phone: string) => [...qrCodeKeys.numbers(), spaceId, phone] as const,
  allPages: () => [...qrCodeKeys.all, "all-page"] as const,
  /** One page of every readable space's stored codes (search, number filter and page made in SQL). */
  allPage: (query: Record<string, string | number | undefined>) => [...qrCodeKeys.allPages(), query] as const,
};

export const encryptionKeyKeys = {
  all: ["encryption-keys"] as const,
  lists: () => [...encryptionKeyKeys.all, "list"] as const,
  /** One space's numbers with their last change here (no key states). */
  list: (spaceId: string) => [...encryptionKeyKeys.lists(), spaceId] as const,
  allPages: () => [...encryptionKeyKeys.lists(), "all-page"] as const,
  /** One page of every readable space's numbers with their stored keys (paged in SQL). */
  allPage: (query: Record<string, string | number | undefined>) => [...encryptionKeyKeys.allPages(), query] as const,
  details: () => [...encryptionKeyKeys.all, "detail"] as const,
  /** Every number's key of one space: "refresh all" invalidates this prefix. */
  spaceDetails: (spaceId: string) => [...encryptionKeyKeys.details(), spaceId] as const,
  detail: (spaceId: string, phone: string) => [...encryptionKeyKeys.spaceDetails(spaceId), phone] as const,
};

export const webhookKeys = {
  all: ["webhooks"] as const,
  lists: () => [...webhookKeys.all, "list"] as const,
  /** One space's numbers with their callback settings; "all" is every readable space. */
  list: (spaceId: string) => [...webhookKeys.lists(), spaceId] as const,
  detail: (spaceId: string, phone: string) => [...webhookKeys.all, "detail", spaceId, phone] as const,
  /** The space-level webhook as last saved from CAMS Admin. */
  account: (spaceId: string) => [...webhookKeys.all, "account", spaceId] as const,
};

export const bulkKeys = {
  all: ["bulk"] as const,
  /** The jobs list (own jobs; every job for administrators). */
  jobs: () => [...bulkKeys.all, "jobs"] as const,
  /** One job's progress; its items live under it, so invalidating a job refreshes both. */
  job: (jobId: string) => [...bulkKeys.all, "job", jobId] as const,
  items: (jobId: string, filter: string, page: number) => [...bulkKeys.job(jobId), "items", filter, page] as const,
  /** One space's numbers for the picker, with the Status filter. */
  numbers: (spaceId: string, status: string | null) => [...bulkKeys.all, "numbers", spaceId, { status }] as const,
};

export const notificationKeys = {
  all: ["notifications"] as const,
};

export const profileKeys = {
  all: ["profile"] as const,
  detail: (spaceId: string, phone: string) => [...profileKeys.all, "detail", spaceId, phone] as const,
  health: (spaceId: string, phone: string) => [...profileKeys.all, "health", spaceId, phone] as const,
};

export const automationKeys = {
  all: ["automation"] as const,
  /** One number's welcome switch, ice breakers and commands (GetConversationalAutomation). */
  detail: (spaceId: string, phone: string) => [...automationKeys.all, spaceId, phone] as const,
};

export const messageLogKeys = {
  all: ["message-log"] as const,
  /** One page of a number's message log under a filter (ListChatappMessage). */
  page: (spaceId: string, phone: string, query: Record<string, string | number | undefined>) => [...messageLogKeys.all, spaceId, phone, query] as const,
};

export const shellSpaceKeys = {
  all: ["shell-spaces"] as const,
  /** The switcher's spaces matching a typed filter (the first SHELL_SPACES_SHOWN). */
  search: (q: string) => [...shellSpaceKeys.all, "search", q] as const,
  /** The spaces the caller may change, matching a typed filter (Add number on All spaces). */
  writable: (q: string) => [...shellSpaceKeys.all, "writable", q] as const,
  /** One space by id (the one in the URL when the layout did not ship it). */
  one: (id: string) => [...shellSpaceKeys.all, "one", id] as const,
};
