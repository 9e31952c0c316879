import type { AccessorFnColumnDef, FilterFn, Row, SortingFn } from "@tanstack/react-table";
import { PHONE_PAGE_SIZE } from "@/lib/phone-list";
import type { PhoneNumberRow } from "@/lib/schemas/phone-numbers";
import { qualityRank, tierRank } from "./enum-values";
import type { SortKey } from "./use-list-state";

/** A row of the list: a number and the space it belongs to (the "All spaces" view mixes them). */
export interface ListRow extends PhoneNumberRow {
  spaceId: string;
  spaceName?: string;
}

/** The same page size the All-spaces list pages by in SQL. */
export const PAGE_SIZE = PHONE_PAGE_SIZE;

/** Ties in any sort keep the numbers' order. */
export const byNumber = (a: ListRow, b: ListRow) => (a.phoneNumber < b.phoneNumber ? -1 : a.phoneNumber > b.phoneNumber ? 1 : 0);

const collators = new Map<string, Intl.Collator>();
function collator(locale: string) {
  let c = collators.get(locale);
  if (!c) collators.set(locale, (c = new Intl.Collator(locale, { sensitivity: "base", numeric: true })));
  return c;
}

/** Column definitions for sorting and filtering; the cells are rendered by list-table.tsx. */
export function listColumns(locale = "en"): AccessorFnColumnDef<ListRow, string>[] {
  const c = collator(locale);
  const text = (get: (r: ListRow) => string | null | undefined): SortingFn<ListRow> => (a, b) =>
    c.compare(get(a.original) ?? "", get(b.original) ?? "");
  const rank = (get: (r: ListRow) => number): SortingFn<ListRow> => (a, b) => get(a.original) - get(b.original);
  const columns: Record<SortKey, { accessorFn: (r: ListRow) => string; sortingFn: SortingFn<ListRow>; filterFn?: FilterFn<ListRow> }> = {
    number: { accessorFn: (r) => r.phoneNumber, sortingFn: (a, b) => byNumber(a.original, b.original) },
    space: { accessorFn: (r) => r.spaceName ?? "", sortingFn: text((r) => r.spaceName) },
    name: { accessorFn: (r) => r.verifiedName ?? "", sortingFn: text((r) => r.verifiedName) },
    status: { accessorFn: (r) => r.status ?? "", sortingFn: text((r) => r.status) },
    quality: {
      accessorFn: (r) => r.qualityRating ?? "",
      sortingFn: rank((r) => qualityRank(r.qualityRating)),
      filterFn: (row, id, value: string) => row.getValue(id) === value,
    },
    tier: { accessorFn: (r) => r.messagingLimitTier ?? "", sortingFn: rank((r) => tierRank(r.messagingLimitTier)) },
    nameStatus: { accessorFn: (r) => r.nameStatus ?? "", sortingFn: text((r) => r.nameStatus) },
    verification: { accessorFn: (r) => r.codeVerificationStatus ?? "", sortingFn: text((r) => r.codeVerificationStatus) },
  };
  return Object.entries(columns).map(([id, def]) => ({ id, ...def }));
}

/** Lower-case name, space and number, made once per row object: a keystroke only scans prepared strings. */
const searchText = new WeakMap<ListRow, string>();
function textOf(row: ListRow) {
  let t = searchText.get(row);
  if (t === undefined) searchText.set(row, (t = `${row.verifiedName ?? ""}\u0000${row.spaceName ?? ""}\u0000${row.phoneNumber}`.toLowerCase()));
  return t;
}

const NUMBER_QUERY = /^[+\d\s().-]+$/;

/**
 * Search by number or name. A query of digits (with +, spaces, dashes or brackets, as people
 * paste numbers) matches the number's digits; anything else matches the name, space or number.
 */
export const searchRows: FilterFn<ListRow> = (row: Row<ListRow>, _id, query: string) => {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  if (NUMBER_QUERY.test(q)) {
    const digits = q.replace(/\D/g, "");
    return digits === "" || row.original.phoneNumber.includes(digits);
  }
  return textOf(row.original).includes(q);
};
