"use client";

import { parseAsStringLiteral, useQueryStates, type Values } from "nuqs";
import { useCallback } from "react";
import { LIST_URL_OPTIONS, parseAsPage, parseAsSearch, parseAsSortDir, parseAsWord, SEARCH_URL_UPDATES } from "@/lib/url-state";

import { SORT_KEYS, type SortKey } from "@/lib/phone-list";

export { SORT_KEYS, type SortKey };

const listParsers = {
  q: parseAsSearch(100),
  /** Server-side Status filter ("" = all). */
  status: parseAsWord,
  /** Client-side quality filter ("" = all). */
  quality: parseAsWord,
  sort: parseAsStringLiteral(SORT_KEYS).withDefault("number"),
  dir: parseAsSortDir,
  page: parseAsPage,
};

export type ListState = Values<typeof listParsers>;

/**
 * The list's search, filters, sort and page, kept in the URL (nuqs) so a link or a reload shows the
 * same view. Shallow updates: a change never re-renders the server page, which would call CAMS.
 */
export function useListState() {
  const [state, setState] = useQueryStates(listParsers, LIST_URL_OPTIONS);

  const update = useCallback(
    (patch: Partial<ListState>) =>
      // A new search, filter or sort starts from the first page; typing writes the URL once it pauses.
      void setState({ ...patch, page: patch.page ?? null }, "q" in patch ? SEARCH_URL_UPDATES : undefined),
    [setState],
  );

  const toggleSort = useCallback(
    (key: SortKey) => update({ sort: key, dir: state.sort === key && state.dir === "asc" ? "desc" : "asc" }),
    [update, state.sort, state.dir],
  );

  const reset = useCallback(() => void setState(null), [setState]);

  return { state, update, toggleSort, reset };
}
