import type { WebhookRow } from "@/lib/schemas/webhooks";

/** A row of the Webhooks table: a number's settings, with its space for the All-spaces view. */
export interface WebhookListRow extends WebhookRow {
  spaceId: string;
  spaceName?: string;
}

export const SORT_KEYS = ["number", "space", "statusUrl", "inboundUrl", "http", "queue", "shared"] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDir = "asc" | "desc";

/** Numbers with equal settings share this key: both URLs and both flags. */
export const settingsKey = (r: WebhookRow) => JSON.stringify([r.statusCallbackUrl ?? "", r.upCallbackUrl ?? "", r.httpFlag, r.queueFlag]);

export interface SettingsGroup {
  key: string;
  /** 1-based, in order of size (largest first), so "group 1" is the most common setting. */
  index: number;
  rows: WebhookListRow[];
}

/** Groups rows by identical settings; the largest group first, ties by URL. */
export function groupBySettings(rows: WebhookListRow[], locale = "en"): SettingsGroup[] {
  const map = new Map<string, WebhookListRow[]>();
  for (const r of rows) {
    const k = settingsKey(r);
    const list = map.get(k);
    if (list) list.push(r);
    else map.set(k, [r]);
  }
  const collator = new Intl.Collator(locale);
  // An unset URL sorts after any set one, as in the table.
  const url = (g: WebhookListRow[]) => g[0]!.statusCallbackUrl || g[0]!.upCallbackUrl || "\uffff";
  return [...map.entries()]
    .sort((a, b) => b[1].length - a[1].length || collator.compare(url(a[1]), url(b[1])))
    .map(([key, list], i) => ({ key, index: i + 1, rows: list }));
}

/** How many rows share each settings key. */
export function sharedCounts(rows: WebhookRow[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(settingsKey(r), (counts.get(settingsKey(r)) ?? 0) + 1);
  return counts;
}

function value(r: WebhookListRow, key: SortKey, counts: Map<string, number>): string | number {
  switch (key) {
    case "number":
      return r.phoneNumber;
    case "space":
      return r.spaceName ?? "";
    case "statusUrl":
      return r.statusCallbackUrl ?? "";
    case "inboundUrl":
      return r.upCallbackUrl ?? "";
    case "http":
      return r.httpFlag;
    case "queue":
      return r.queueFlag;
    case "shared":
      return counts.get(settingsKey(r)) ?? 1;
  }
}

/**
 * Sorted copy. Empty URLs go last in either direction (an unset value is not "smallest"); ties
 * fall back to the number, so the order is stable across refreshes.
 */
export function sortRows(rows: WebhookListRow[], key: SortKey, dir: SortDir, locale = "en"): WebhookListRow[] {
  const collator = new Intl.Collator(locale, { numeric: true });
  const counts = sharedCounts(rows);
  const sign = dir === "asc" ? 1 : -1;
  return [...rows].sort((a, b) => {
    const va = value(a, key, counts);
    const vb = value(b, key, counts);
    if (va === "" && vb !== "") return 1;
    if (vb === "" && va !== "") return -1;
    const c = typeof va === "number" && typeof vb === "number" ? va - vb : collator.compare(String(va), String(vb));
    return c !== 0 ? sign * c : collator.compare(a.phoneNumber, b.phoneNumber);
  });
}
