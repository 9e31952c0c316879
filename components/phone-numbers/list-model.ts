import type { PhoneNumberRow } from "@/lib/schemas/phone-numbers";
import { qualityRank, tierRank } from "./enum-values";

/** A row of the list: a number and the space it belongs to (the "All spaces" view mixes them). */
export interface ListRow extends PhoneNumberRow {
  spaceId: string;
  spaceName?: string;
}

export interface IndexedRow {
  row: ListRow;
  /** Lower-case name, space and number: what a text search looks in. */
  text: string;
}

export type SortKey = "number" | "name" | "status" | "quality" | "tier" | "nameStatus" | "verification" | "space";

/** Done once per data set, so a keystroke only scans prepared strings. */
export function indexRows(rows: readonly ListRow[]): IndexedRow[] {
  return rows.map((row) => ({ row, text: `${row.verifiedName ?? ""}\u0000${row.spaceName ?? ""}\u0000${row.phoneNumber}`.toLowerCase() }));
}

const NUMBER_QUERY = /^[+\d\s().-]+$/;

/**
 * Search by number or name. A query of digits (with +, spaces, dashes or brackets, as people
 * paste numbers) matches the number's digits; anything else matches the name, space or number.
 */
export function filterRows(indexed: readonly IndexedRow[], query: string, quality: string): ListRow[] {
  const q = query.trim().toLowerCase();
  const digits = NUMBER_QUERY.test(q) ? q.replace(/\D/g, "") : null;
  const out: ListRow[] = [];
  for (const { row, text } of indexed) {
    if (quality && (row.qualityRating ?? "") !== quality) continue;
    if (q && !(digits !== null ? digits === "" || row.phoneNumber.includes(digits) : text.includes(q))) continue;
    out.push(row);
  }
  return out;
}

const collators = new Map<string, Intl.Collator>();
function collator(locale: string) {
  let c = collators.get(locale);
  if (!c) collators.set(locale, (c = new Intl.Collator(locale, { sensitivity: "base", numeric: true })));
  return c;
}

export function sortRows(rows: readonly ListRow[], key: SortKey, dir: "asc" | "desc", locale = "en"): ListRow[] {
  const c = collator(locale);
  const text = (a: string | null | undefined, b: string | null | undefined) => c.compare(a ?? "", b ?? "");
  const cmp: (a: ListRow, b: ListRow) => number = {
    number: (a: ListRow, b: ListRow) => (a.phoneNumber < b.phoneNumber ? -1 : a.phoneNumber > b.phoneNumber ? 1 : 0),
    name: (a: ListRow, b: ListRow) => text(a.verifiedName, b.verifiedName),
    status: (a: ListRow, b: ListRow) => text(a.status, b.status),
    quality: (a: ListRow, b: ListRow) => qualityRank(a.qualityRating) - qualityRank(b.qualityRating),
    tier: (a: ListRow, b: ListRow) => tierRank(a.messagingLimitTier) - tierRank(b.messagingLimitTier),
    nameStatus: (a: ListRow, b: ListRow) => text(a.nameStatus, b.nameStatus),
    verification: (a: ListRow, b: ListRow) => text(a.codeVerificationStatus, b.codeVerificationStatus),
    space: (a: ListRow, b: ListRow) => text(a.spaceName, b.spaceName),
  }[key];
  const sign = dir === "asc" ? 1 : -1;
  return [...rows].sort((a, b) => sign * cmp(a, b) || (a.phoneNumber < b.phoneNumber ? -1 : a.phoneNumber > b.phoneNumber ? 1 : 0));
}

export const PAGE_SIZE = 50;

export function pageOf<T>(rows: readonly T[], page: number, size = PAGE_SIZE): { rows: T[]; page: number; pages: number } {
  const pages = Math.max(1, Math.ceil(rows.length / size));
  const p = Math.min(Math.max(1, page), pages);
  return { rows: rows.slice((p - 1) * size, p * size), page: p, pages };
}
