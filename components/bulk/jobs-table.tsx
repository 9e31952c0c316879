"use client";

import { Layers } from "lucide-react";
import Link from "@/components/ui/link";
import { useFormatter, useTranslations } from "next-intl";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { JobStatusBadge } from "./job-status-badge";
import { ProgressBar } from "./progress-bar";
import { useJobs } from "./queries";

/** Past and running jobs, newest first (hydrated from the page's prefetch); refreshed every few seconds while one of them runs. */
export function JobsTable({ showCreator, emptyAction }: { showCreator: boolean; emptyAction?: React.ReactNode }) {
  const t = useTranslations("bulk");
  const format = useFormatter();
  const { data } = useJobs();
  if (!data) return null;
  if (data.jobs.length === 0) {
    return <EmptyState icon={<Layers />} title={t("list.emptyTitle")} description={t("list.emptyBody")} action={emptyAction} />;
  }
  return (
    <div className="rounded-md border">
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>{t("list.operation")}</TableHead>
            <TableHead hideBelow="md">{t("list.created")}</TableHead>
            {showCreator ? <TableHead hideBelow="lg">{t("list.createdBy")}</TableHead> : null}
            <TableHead className="w-48">{t("list.progress")}</TableHead>
            <TableHead>{t("list.status")}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {data.jobs.map((j) => (
            <TableRow key={j.id} data-testid={`job-row-${j.id}`}>
              <TableCell>
                <Link href={`/bulk/${j.id}`} className="font-medium underline-offset-4 hover:underline">
                  {t("jobTitle", { kind: t(`kinds.${j.kind}`), count: j.total })}
                </Link>
                <p className="text-xs text-muted-foreground">{t("list.spaces", { n: j.spaces })}</p>
              </TableCell>
              <TableCell hideBelow="md" className="whitespace-nowrap">
                {format.dateTime(new Date(j.createdAt), { dateStyle: "medium", timeStyle: "short" })}
              </TableCell>
              {showCreator ? <TableCell hideBelow="lg">{j.createdByEmail}</TableCell> : null}
              <TableCell>
                <ProgressBar total={j.total} ok={j.ok} failed={j.failed} cancelled={j.cancelled} label={t("list.progressOf", { title: t(`kinds.${j.kind}`) })} className="h-2" />
                <p className="mt-1 text-xs text-muted-foreground tabular-nums">{t("list.counts", { ok: j.ok, failed: j.failed, total: j.total })}</p>
              </TableCell>
              <TableCell>
                <JobStatusBadge status={j.status} failed={j.failed} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
