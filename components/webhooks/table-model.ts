import type { AccessorFnColumnDef, SortingFn } from "@tanstack/react-table";
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
export function sharedCounts(rows: readonly WebhookRow[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(settingsKey(r), (counts.get(settingsKey(r)) ?? 0) + 1);
  return counts;
}

/** Ties in any sort keep the numbers' order. */
export const byNumber = (locale = "en") => {
  const collator = new Intl.Collator(locale, { numeric: true });
  return (a: WebhookListRow, b: WebhookListRow) => collator.compare(a.phoneNumber, b.phoneNumber);
};

/**
 * Column definitions for sorting; the cells are rendered by webhooks-table-view.tsx. An empty URL
 * (or space) goes last in either direction: an unset value is not "smallest".
 */
export function webhookColumns(rows: readonly WebhookListRow[], locale = "en"): AccessorFnColumnDef<WebhookListRow, string | number | undefined>[] {
  const collator = new Intl.Collator(locale, { numeric: true });
  const counts = sharedCounts(rows);
  const text = (get: (r: WebhookListRow) => string | null | undefined) => ({
    accessorFn: (r: WebhookListRow) => get(r) || undefined,
    sortUndefined: "last" as const,
    sortingFn: ((a, b, id) => collator.compare(String(a.getValue(id)), String(b.getValue(id)))) satisfies SortingFn<WebhookListRow>,
  });
  const columns: Record<SortKey, Omit<AccessorFnColumnDef<WebhookListRow, string | number | undefined>, "id">> = {
    number: text((r) => r.phoneNumber),
    space: text((r) => r.spaceName),
    statusUrl: text((r) => r.statusCallbackUrl),
    inboundUrl: text((r) => r.upCallbackUrl),
    http: text((r) => r.httpFlag),
    queue: text((r) => r.queueFlag),
    shared: { accessorFn: (r) => counts.get(settingsKey(r)) ?? 1, sortingFn: (a, b, id) => Number(a.getValue(id)) - Number(b.getValue(id)) },
  };
  return SORT_KEYS.map((id) => ({ id, ...columns[id] }));
}
