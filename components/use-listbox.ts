"use client";

import { useEffect, useRef, useState } from "react";

/** A value that follows `value` once it has stayed the same for `ms` (a search box's query). */
export function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const id = setTimeout(() => setV(value), ms);
    return () => clearTimeout(id);
  }, [value, ms]);
  return v;
}

/**
 * The keyboard of a list of options driven from a text box (ARIA combobox with a listbox): arrows,
 * Home and End move the active option, Enter picks it; the active option is kept in view. Options
 * carry `data-index` (their position) and the id `optionId(i)`.
 */
export function useListbox(count: number, pick: (index: number) => void, idPrefix: string) {
  const [active, setActive] = useState(0);
  const listRef = useRef<HTMLUListElement>(null);
  const current = Math.min(active, Math.max(count - 1, 0));
  useEffect(() => {
    listRef.current?.querySelector<HTMLElement>(`[data-index="${current}"]`)?.scrollIntoView({ block: "nearest" });
  }, [current]);
  const onKeyDown = (e: React.KeyboardEvent) => {
    const to = { ArrowDown: current + 1, ArrowUp: current - 1, Home: 0, End: count - 1 }[e.key];
    if (to !== undefined) {
      e.preventDefault();
      setActive(Math.min(Math.max(to, 0), Math.max(count - 1, 0)));
    } else if (e.key === "Enter" && current < count) {
      e.preventDefault();
      pick(current);
    }
  };
  const optionId = (i: number) => `${idPrefix}-${i}`;
  return { active: current, setActive, listRef, onKeyDown, optionId, activeId: count > 0 ? optionId(current) : undefined };
}
