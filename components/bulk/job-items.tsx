"use client";

import Link from "@/components/ui/link";
import { useTranslations } from "next-intl";
import { PhoneNumberText } from "@/components/phone-numbers/phone-number-text";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { ITEM_FILTERS, type ItemFilter, type JobPageData, type JobProgress } from "@/lib/schemas/bulk";
import { ItemOutcome } from "./item-outcome";
import { ItemStatusBadge } from "./job-status-badge";
import { PageStepper } from "@/components/pagination";
import { ReadErrorPanel, readErrorOf } from "@/components/read-error";
import type { useJobPage } from "./queries";

const TAB_SEGMENT = { webhook: "webhook", encryption_key: "encryption-key", automation: "automation", profile: "profile" } as const;

/**
 * Every number of the job with its outcome; failures first, filterable, 50 per page. The rows come
 * from the same poll as the job's figures (`useJobPage`), so the two never disagree.
 */
export function JobItems({
  job,
  query: q,
  filter,
  page,
  onFilter,
  onPage,
}: {
  job: JobProgress;
  query: Pick<ReturnType<typeof useJobPage>, "isError" | "error" | "refetch"> & { data: JobPageData | undefined };
  filter: ItemFilter;
  page: number;
  onFilter: (f: ItemFilter) => void;
  onPage: (page: number) => void;
}) {
  const t = useTranslations("bulk.items");
  const counts: Record<ItemFilter, number> = { all: job.total, failed: job.failed, ok: job.ok, pending: job.pending + job.running, cancelled: job.cancelled };
  const pages = Math.max(1, Math.ceil((q.data?.total ?? 0) / (q.data?.pageSize ?? 50)));

  return (
    <section aria-labelledby="job-items-title" className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="job-items-title" className="text-lg font-semibold">
          {t("title")}
        </h2>
        {/* A filter, not tabs: the same table shows whichever subset is pressed. */}
        <div role="group" aria-label={t("filter")} className="inline-flex flex-wrap gap-1 rounded-lg bg-muted p-1">
          {ITEM_FILTERS.map((f) => (
            <Button
              key={f}
              type="button"
              size="sm"
              variant={filter === f ? "outline" : "ghost"}
              aria-pressed={filter === f}
              className={filter === f ? "bg-background shadow-sm" : "text-muted-foreground"}
              onClick={() => onFilter(f)}
            >
              {t(`filters.${f}`, { n: counts[f] })}
            </Button>
          ))}
        </div>
      </div>
      {q.isError ? (
        <ReadErrorPanel error={readErrorOf(q.error)!} onRetry={() => q.refetch()} />
      ) : (
        <div className="rounded-md border">
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>{t("number")}</TableHead>
                <TableHead>{t("space")}</TableHead>
                <TableHead>{t("result")}</TableHead>
                <TableHead>{t("details")}</TableHead>
                <TableHead className="text-right">{t("attempts")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {!q.data
                ? Array.from({ length: 3 }, (_, i) => (
                    <TableRow key={i}>
                      <TableCell colSpan={5}>
                        <Skeleton className="h-6 w-full" />
                      </TableCell>
                    </TableRow>
                  ))
                : null}
              {q.data?.items.length === 0 ? (
                <TableRow>
                  <TableCell colSpan={5} className="py-8 text-center text-muted-foreground">
                    {t("empty")}
                  </TableCell>
                </TableRow>
              ) : null}
              {q.data?.items.map((i) => (
                <TableRow key={`${i.spaceId}:${i.phoneNumber}`} data-testid={`item-${i.phoneNumber}`}>
                  <TableCell>
                    <Link
                      href={`/s/${i.spaceId}/phone-numbers/${i.phoneNumber}/${TAB_SEGMENT[job.kind]}`}
                      className="underline-offset-4 hover:underline"
                    >
                      <PhoneNumberText phone={i.phoneNumber} />
                    </Link>
                  </TableCell>
                  <TableCell>{i.spaceName ?? i.spaceId}</TableCell>
                  <TableCell>
                    <ItemStatusBadge status={i.status} />
                  </TableCell>
                  <TableCell>
                    <ItemOutcome item={i} change={job.change} />
                  </TableCell>
                  <TableCell className="text-right tabular-nums">{i.attempts}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      {pages > 1 ? (
        <nav aria-label={t("pagination")} className="flex items-center justify-end gap-2 text-sm">
          <PageStepper page={page} pages={pages} onPage={onPage} messages="bulk.items" />
        </nav>
      ) : null}
    </section>
  );
}
