"use client";

import { useFormatter, useTranslations } from "next-intl";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { Granularity } from "@/lib/schemas/phone-numbers";

type Point = { start: number; sent: number; delivered: number };

/**
 * The chart's figures as a table: shown by "Show as table", and always present for screen readers
 * (`hidden`: a plain, visually hidden table, with no scroll container that would need focus).
 * The hidden table sits in an sr-only box: a table is never shorter than its rows, so `sr-only` on the
 * table itself left its full height (and width) in the page's scroll area.
 */
export function MetricsTable({ points, caption, granularity, hidden }: { points: Point[]; caption: string; granularity: Granularity; hidden?: boolean }) {
  const t = useTranslations("phoneNumbers.metrics");
  const format = useFormatter();
  const when = (ms: number) =>
    granularity === "DAILY" ? format.dateTime(ms, { dateStyle: "medium" }) : format.dateTime(ms, { dateStyle: "short", timeStyle: "short" });
  const head = [granularity === "DAILY" ? t("day") : t("halfHour"), t("sent"), t("delivered")];

  if (hidden) {
    return (
      <div className="sr-only" data-testid="metrics-sr-table">
        <table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              {head.map((h) => (
                <th key={h} scope="col">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.start}>
                <td>{when(p.start)}</td>
                <td>{format.number(p.sent)}</td>
                <td>{format.number(p.delivered)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  }
  return (
    // Scrolls when long: focusable and named, so keyboard users can scroll it too.
    <div className="max-h-96 overflow-y-auto rounded-md focus-visible:outline-2 focus-visible:outline-ring" tabIndex={0} role="region" aria-label={caption}>
      <Table>
        <TableCaption>{caption}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHead>{head[0]}</TableHead>
            <TableHead className="text-right">{head[1]}</TableHead>
            <TableHead className="text-right">{head[2]}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {points.map((p) => (
            <TableRow key={p.start}>
              <TableCell>{when(p.start)}</TableCell>
              <TableCell className="text-right tabular-nums">{format.number(p.sent)}</TableCell>
              <TableCell className="text-right tabular-nums">{format.number(p.delivered)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
