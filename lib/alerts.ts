/**
 * Alert rules: which observed changes (lib/history.ts) raise an alert, and which clear one (a
 * recovery). Pure, shared by the server (server/alerts/rules.ts) and the settings page.
 */

export const ALERT_KINDS = ["qualityDropped", "statusLeftConnected", "nameDeclined", "tierChanged", "drift", "keyMissingOrMismatch", "qrRemovedOutside", "healthDegraded"] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];
export type AlertState = "alert" | "recovery";

export interface ObservedChange {
  field: string;
  oldValue: string | null;
  newValue: string | null;
  source: string;
}

const QUALITY_RANK: Record<string, number> = { GREEN: 3, YELLOW: 2, RED: 1 };
/** GetWhatsappHealthStatus's CanSendMessage, best first. */
const HEALTH_RANK: Record<string, number> = { AVAILABLE: 3, LIMITED: 2, BLOCKED: 1 };
const DECLINED = new Set(["DECLINED", "Rejected", "REJECTED"]);
/** The key's status values that need someone (lib/history.ts: "missing" is a number with no key). */
const KEY_BAD = new Set(["MISMATCH", "missing"]);

/** Down a ranked scale is an alert, up a recovery; an unknown value on either side is neither. */
function byRank(rank: Record<string, number>, c: ObservedChange): AlertState | null {
  const from = rank[c.oldValue ?? ""];
  const to = rank[c.newValue ?? ""];
  if (from === undefined || to === undefined || from === to) return null;
  return to < from ? "alert" : "recovery";
}

/** What one change means for one rule: an alert, a recovery, or nothing. */
export function evaluate(kind: AlertKind, c: ObservedChange): AlertState | null {
  switch (kind) {
    case "qualityDropped":
      return c.field === "qualityRating" ? byRank(QUALITY_RANK, c) : null;
    case "statusLeftConnected":
      if (c.field !== "status") return null;
      if (c.oldValue === "CONNECTED" && c.newValue !== "CONNECTED") return "alert";
      if (c.newValue === "CONNECTED" && c.oldValue !== "CONNECTED") return "recovery";
      return null;
    case "nameDeclined":
      if (c.field !== "nameStatus" && c.field !== "newNameStatus") return null;
      if (DECLINED.has(c.newValue ?? "")) return "alert";
      if (DECLINED.has(c.oldValue ?? "")) return "recovery";
      return null;
    case "tierChanged":
      return c.field === "messagingLimitTier" && c.oldValue !== null && c.newValue !== null ? "alert" : null;
    case "drift":
      return c.source === "outside" ? "alert" : null;
    case "keyMissingOrMismatch":
      if (c.field !== "keyStatus") return null;
      // A MISMATCH from anything; "missing" only when a key state was known (a number just verified has none yet).
      if (c.newValue === "MISMATCH" || (c.newValue === "missing" && c.oldValue !== null)) return "alert";
      if (KEY_BAD.has(c.oldValue ?? "") && c.newValue === "VALID") return "recovery";
      return null;
    case "qrRemovedOutside":
      return c.field === "qrCode" && c.source === "outside" && c.oldValue !== null && c.newValue === null ? "alert" : null;
    case "healthDegraded":
      return c.field === "health" ? byRank(HEALTH_RANK, c) : null;
  }
}

/** Every alert and recovery one change raises under the rules that are on. */
export function alertsOf(c: ObservedChange, isOn: (kind: AlertKind) => boolean): { kind: AlertKind; state: AlertState }[] {
  return ALERT_KINDS.flatMap((kind) => {
    if (!isOn(kind)) return [];
    const state = evaluate(kind, c);
    return state ? [{ kind, state }] : [];
  });
}
