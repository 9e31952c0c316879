"use client";

import { useTranslations } from "next-intl";
import type { JobProgress } from "@/lib/schemas/bulk";
import { durationFormatter } from "./format";
import { ProgressBar } from "./progress-bar";

function Figure({ label, value, testId, tone }: { label: string; value: React.ReactNode; testId: string; tone?: string }) {
  return (
    <div className="rounded-lg border p-3">
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className={`text-xl font-semibold tabular-nums ${tone ?? ""}`} data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}

/**
 * Progress bar and figures. Throughput is measured over the last seconds; time left divides what
 * remains by it, or by the limiter's pace (per cloud account) before there is a measurement. A
 * finished job shows how long it took and its average pace instead.
 */
export function JobFigures({ job }: { job: JobProgress }) {
  const t = useTranslations("bulk.job");
  const duration = durationFormatter(useTranslations("bulk"));
  const remaining = job.pending + job.running;
  const settled = job.ok + job.failed + job.cancelled;
  const pct = job.total ? Math.round((settled / job.total) * 100) : 100;
  const live = job.status === "running" || job.status === "queued";
  const pace = job.throughput ?? job.rate * job.accounts;
  const timeLeft = !live || remaining === 0 ? "—" : `≈ ${duration(remaining / pace)}`;
  const took = job.finishedAt && job.startedAt ? (Date.parse(job.finishedAt) - Date.parse(job.startedAt)) / 1000 : null;
  const throughput = took && took > 0 ? (job.ok + job.failed) / took : job.throughput;
  return (
    <div className="space-y-4">
      <div className="space-y-2">
        <div className="flex items-baseline justify-between gap-2 text-sm">
          <span className="font-medium">{t("progressLabel", { settled, total: job.total })}</span>
          <span className="tabular-nums text-muted-foreground" data-testid="job-percent">
            {pct}%
          </span>
        </div>
        <ProgressBar total={job.total} ok={job.ok} failed={job.failed} cancelled={job.cancelled} label={t("progressAria")} testId="job-progress" />
      </div>
      <dl className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6">
        <Figure label={t("done")} value={job.ok} testId="count-ok" tone="text-success" />
        <Figure label={t("failed")} value={job.failed} testId="count-failed" tone={job.failed ? "text-destructive" : ""} />
        <Figure label={t("remaining")} value={remaining} testId="count-remaining" />
        <Figure label={t("cancelled")} value={job.cancelled} testId="count-cancelled" />
        <Figure label={t("throughput")} value={throughput === null ? "—" : t("perSecond", { n: throughput.toFixed(1) })} testId="throughput" />
        {took !== null ? (
          <Figure label={t("took")} value={duration(took)} testId="time-left" />
        ) : (
          <Figure label={t("timeLeft")} value={timeLeft} testId="time-left" />
        )}
      </dl>
      <p className="text-xs text-muted-foreground">
        {t("paceNote", { rate: job.rate, accounts: job.accounts })}{" "}
        {job.retries ? t("retriesNote", { retries: job.retries, throttled: job.throttled }) : null}
      </p>
    </div>
  );
}
