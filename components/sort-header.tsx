"use client";

import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import { TableHead, type HideBelow } from "@/components/ui/table";

export interface SortProps<K extends string> {
  sort: K;
  dir: "asc" | "desc";
  onSort: (key: K) => void;
}

/** A column heading that sorts the table by its key: the arrow and aria-sort say which way. */
export function SortHeader<K extends string>({
  k,
  label,
  sort,
  dir,
  onSort,
  hideBelow,
  className,
}: { k: K; label: string; hideBelow?: HideBelow; className?: string } & SortProps<K>) {
  const active = sort === k;
  const Icon = !active ? ArrowUpDown : dir === "asc" ? ArrowUp : ArrowDown;
  return (
    <TableHead hideBelow={hideBelow} className={className} aria-sort={active ? (dir === "asc" ? "ascending" : "descending") : undefined}>
      <button
        type="button"
        onClick={() => onSort(k)}
        className="-mx-1 inline-flex items-center gap-1 rounded px-1 hover:text-foreground focus-visible:outline-2 focus-visible:outline-ring"
      >
        {label}
        <Icon className="size-3.5" aria-hidden="true" />
      </button>
    </TableHead>
  );
}
