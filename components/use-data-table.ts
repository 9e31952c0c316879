"use client";

import {
  getCoreRowModel,
  getFilteredRowModel,
  getPaginationRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type ColumnFiltersState,
  type FilterFnOption,
} from "@tanstack/react-table";
import { useMemo } from "react";

export interface DataTableOptions<T, V> {
  data: readonly T[];
  columns: ColumnDef<T, V>[];
  /** Ties in the sort keep this order (TanStack's sort is stable on the data's order). */
  tieOrder?: (a: T, b: T) => number;
  /** The sorted column's id and direction, from the URL state. */
  sort?: { id: string; dir: "asc" | "desc" };
  /** Text search: `globalFilterFn` runs once per row (on the first column only). */
  search?: string;
  globalFilterFn?: FilterFnOption<T>;
  /** Column filters; an empty value is no filter. */
  filters?: Record<string, string>;
  /** 1-based page, clamped into range as the rows shrink; without it every row shows. */
  page?: number;
  pageSize?: number;
}

const NO_SORT: [] = [];

/**
 * A headless TanStack table whose sort, search, filters and page are controlled from outside (the
 * URL state), for the lists that sort and page in the browser: filtered, then sorted, then paged.
 * The markup stays each list's own (components/ui/table.tsx), so only the rows leave it.
 */
export function useDataTable<T, V = unknown>({ data, columns, tieOrder, sort, search = "", globalFilterFn, filters, page, pageSize = 50 }: DataTableOptions<T, V>) {
  const ordered = useMemo(() => (tieOrder ? [...data].sort(tieOrder) : (data as T[])), [data, tieOrder]);
  const sortId = sort?.id;
  const desc = sort?.dir === "desc";
  const sorting = useMemo(() => (sortId ? [{ id: sortId, desc }] : NO_SORT), [sortId, desc]);
  const filterKey = JSON.stringify(filters ?? {});
  const columnFilters = useMemo<ColumnFiltersState>(
    () => Object.entries(JSON.parse(filterKey) as Record<string, string>).filter(([, v]) => v !== "").map(([id, value]) => ({ id, value })),
    [filterKey],
  );
  const paged = page !== undefined;
  const firstColumn = columns[0]?.id;
  // Only plain values leave this hook (rows, counts), never the table's functions, which the
  // React Compiler cannot memoise: that is what the rule warns about.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable<T>({
    data: ordered,
    columns,
    state: { sorting, columnFilters, globalFilter: search, ...(paged ? { pagination: { pageIndex: page - 1, pageSize } } : {}) },
    globalFilterFn: globalFilterFn ?? "includesString",
    getColumnCanGlobalFilter: (column) => column.id === firstColumn,
    enableSortingRemoval: false,
    autoResetPageIndex: false,
    getCoreRowModel: getCoreRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
    getSortedRowModel: getSortedRowModel(),
    ...(paged ? { getPaginationRowModel: getPaginationRowModel() } : {}),
  });

  const total = table.getPrePaginationRowModel().rows.length;
  const pages = paged ? Math.max(1, Math.ceil(total / pageSize)) : 1;
  const current = paged ? Math.min(Math.max(1, page), pages) : 1;
  // A page past the end (a stale link, or a filter that shrank the list) shows the last page.
  if (paged && current !== page) table.setOptions((o) => ({ ...o, state: { ...o.state, pagination: { pageIndex: current - 1, pageSize } } }));
  const model = table.getRowModel();
  const rows = useMemo(() => model.rows.map((r) => r.original), [model]);
  return { rows, total, page: current, pages };
}
