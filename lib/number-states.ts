/**
 * What a number's Status means, what to do next, and which changes make sense in it: one table for
 * the number page's banner and its Register / Deregister buttons. Every value CAMS's metadata and
 * its user guide list is here (API.md §2 enum table and §10); any other value falls back to
 * UNLISTED, shown as it came. The words are messages numberState.<key>.meaning / .next.
 */

export type NumberAction = "register" | "deregister";
export type StateSeverity = "none" | "info" | "warning" | "destructive";

export interface NumberState {
  /** Messages key under numberState (the status itself, or "UNLISTED"). */
  key: string;
  /** "none": nothing to explain (Connected), no banner. */
  severity: StateSeverity;
  actions: readonly NumberAction[];
}

const S = (severity: StateSeverity, ...actions: NumberAction[]) => ({ severity, actions });

// Register asks Meta to (re)connect the number; deregister takes it off WhatsApp. Neither lifts a
// ban or a restriction (Meta's review does), and neither applies to a number that left this WABA.
const TABLE = {
  CONNECTED: S("none", "deregister"),
  PENDING: S("info", "register"),
  UNVERIFIED: S("info"),
  DISCONNECTED: S("warning", "register"),
  OFFLINE: S("warning", "register", "deregister"),
  FLAGGED: S("warning", "deregister"),
  RATE_LIMITED: S("warning", "deregister"),
  PAUSED: S("warning"),
  RESTRICTED: S("destructive"),
  BANNED: S("destructive"),
  DELETED: S("destructive"),
  MIGRATED: S("info"),
  UNKNOWN: S("warning", "register", "deregister"),
} satisfies Record<string, { severity: StateSeverity; actions: NumberAction[] }>;

export type KnownStatus = keyof typeof TABLE;
export const KNOWN_STATUSES = Object.keys(TABLE) as KnownStatus[];

/** A value CAMS sent that no source lists: explained as unknown, both changes still offered. */
const UNLISTED: NumberState = { key: "UNLISTED", ...S("warning", "register", "deregister") };

export function numberState(status: string | null | undefined): NumberState {
  if (!status) return UNLISTED;
  const hit = (TABLE as Record<string, { severity: StateSeverity; actions: NumberAction[] }>)[status];
  return hit ? { key: status, ...hit } : UNLISTED;
}

/**
 * Whether a change is offered: the state must allow it, and register/deregister need a number
 * whose code verification is done (before that, the page offers verification instead).
 */
export function canOffer(action: NumberAction, n: { status: string | null; codeVerificationStatus: string | null }): boolean {
  return n.codeVerificationStatus === "VERIFIED" && numberState(n.status).actions.includes(action);
}
