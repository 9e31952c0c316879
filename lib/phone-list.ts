/**
 * The number list's constants, apart from the zod schemas in lib/schemas/phone-numbers.ts: the
 * list's first load in the browser needs these, and importing them from a schema module brought
 * zod (31 kB compressed) into every dashboard page.
 */

/** The number list's sort keys (the URL's `sort`; the All-spaces page sorts by them in SQL). */
export const SORT_KEYS = ["number", "name", "status", "quality", "tier", "nameStatus", "verification", "space"] as const;
export type SortKey = (typeof SORT_KEYS)[number];

/** Rows per page of the number lists. */
export const PHONE_PAGE_SIZE = 50;

/** The All-spaces list's page query: search, filters, sort and page (lib/schemas/phone-numbers.ts parses it on the server). */
export type AllSpacesPageQuery = {
  q: string;
  status?: string;
  quality?: string;
  sort: SortKey;
  dir: "asc" | "desc";
  page: number;
};

/** A Status or Quality filter value: any upper-case word, since sources disagree (API.md §10). */
const FILTER_WORD = /^[A-Za-z_]{1,32}$/;

/**
 * Normalizes the list's URL state into the All-spaces page query, as `allSpacesPageSchema.parse`
 * does (lib/phone-list.test.ts checks that the two agree): the browser builds the query's key
 * with this, without zod.
 */
export function allSpacesPageQueryOf(state: Record<string, unknown>): AllSpacesPageQuery {
  const given = (v: unknown) => v !== "" && v !== null && v !== undefined;
  const text = (v: unknown) => (typeof v === "string" ? v : undefined);
  const word = (v: unknown) => {
    const s = text(v);
    return s !== undefined && FILTER_WORD.test(s) ? s : undefined;
  };
  const q = given(state.q) ? text(state.q) : "";
  const sort = (SORT_KEYS as readonly unknown[]).includes(state.sort) ? (state.sort as SortKey) : "number";
  const page = given(state.page) ? Number(state.page) : 1;
  return {
    q: q !== undefined && q.length <= 100 ? q : "",
    status: word(state.status),
    quality: word(state.quality),
    sort,
    dir: state.dir === "desc" ? "desc" : "asc",
    page: Number.isInteger(page) && page > 0 && page <= 1_000_000 ? page : 1,
  };
}
