"use client";

import { useSearchParams } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import type { SortKey } from "@/components/phone-numbers/list-model";

export const SORT_KEYS = ["number", "name", "status", "quality", "tier", "nameStatus", "verification", "space"] as const satisfies readonly SortKey[];


export interface ListState {
  q: string;
  /** Server-side Status filter ("" = all). */
  status: string;
  /** Client-side quality filter ("" = all). */
  quality: string;
  sort: SortKey;
  dir: "asc" | "desc";
  page: number;
}

const DEFAULTS: ListState = { q: "", status: "", quality: "", sort: "number", dir: "asc", page: 1 };
const WORD = /^[A-Za-z_]{1,32}$/;

function fromParams(p: URLSearchParams): ListState {
  const sort = p.get("sort") as SortKey | null;
  const page = Number(p.get("page"));
  return {
    q: (p.get("q") ?? "").slice(0, 100),
    status: WORD.test(p.get("status") ?? "") ? p.get("status")! : "",
    quality: WORD.test(p.get("quality") ?? "") ? p.get("quality")! : "",
    sort: sort && SORT_KEYS.includes(sort) ? sort : DEFAULTS.sort,
    dir: p.get("dir") === "desc" ? "desc" : "asc",
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

function toQuery(s: ListState): string {
  const p = new URLSearchParams();
  for (const k of ["q", "status", "quality", "sort", "dir", "page"] as const) {
    if (s[k] !== DEFAULTS[k]) p.set(k, String(s[k]));
  }
  const q = p.toString();
  return q ? `?${q}` : "";
}

/**
 * The list's search, filters, sort and page, kept in the URL so a link or a reload shows the same
 * view. The URL is written with history.replaceState (Next.js keeps useSearchParams in step) rather
 * than router.replace, which would re-render the server page, and so call CAMS, on every keystroke;
 * the search box's writes are debounced as well.
 */
export function useListState() {
  const params = useSearchParams();
  const [state, setState] = useState<ListState>(() => fromParams(new URLSearchParams(params.toString())));
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const first = useRef(true);

  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const url = `${window.location.pathname}${toQuery(state)}`;
      if (url !== `${window.location.pathname}${window.location.search}`) window.history.replaceState(window.history.state, "", url);
    }, 250);
    return () => clearTimeout(timer.current);
  }, [state]);

  const update = useCallback((patch: Partial<ListState>) => {
    setState((s) => {
      const next = { ...s, ...patch };
      // A new search, filter or sort starts from the first page.
      if (!("page" in patch)) next.page = 1;
      return next;
    });
  }, []);

  const toggleSort = useCallback(
    (key: SortKey) => update({ sort: key, dir: state.sort === key && state.dir === "asc" ? "desc" : "asc" }),
    [update, state.sort, state.dir],
  );

  const reset = useCallback(() => setState(DEFAULTS), []);

  return { state, update, toggleSort, reset };
}
