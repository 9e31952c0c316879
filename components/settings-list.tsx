"use client";

import type { ReactNode } from "react";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableHead, TableHeader, TableRow } from "@/components/ui/table";

export interface ListColumn {
  label: string;
  /** Numbers and row actions sit on the right. */
  align?: "right";
}

/**
 * A Settings list (users, spaces, cloud accounts): its titled section with the add button, then
 * the table of rows, or the empty state when there are none. The last column is the rows' actions,
 * named for screen readers only.
 */
export function SettingsList(props: {
  id: string;
  title: string;
  description: string;
  add: ReactNode;
  columns: ListColumn[];
  actionsLabel: string;
  empty?: { icon: ReactNode; title: string; description: string } | null;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={`${props.id}-title`} className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <div>
          <h2 id={`${props.id}-title`} className="text-lg font-semibold">
            {props.title}
          </h2>
          <p className="text-sm text-muted-foreground">{props.description}</p>
        </div>
        {props.add}
      </div>
      {props.empty ? (
        <EmptyState icon={props.empty.icon} title={props.empty.title} description={props.empty.description} />
      ) : (
        <div className="overflow-x-auto rounded-md border">
          <Table>
            <TableHeader>
              <TableRow>
                {props.columns.map((c) => (
                  <TableHead key={c.label} className={c.align === "right" ? "text-right" : undefined}>
                    {c.label}
                  </TableHead>
                ))}
                <TableHead className="text-right">
                  <span className="sr-only">{props.actionsLabel}</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>{props.children}</TableBody>
          </Table>
        </div>
      )}
    </section>
  );
}
