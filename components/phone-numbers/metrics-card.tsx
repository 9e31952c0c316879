"use client";

import dynamic from "next/dynamic";
import { useFormatter, useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { usePhoneMetrics } from "@/components/phone-numbers/queries";
import { ReadErrorPanel, readErrorOf } from "@/components/read-error";
import { Button } from "@/components/ui/button";
import { Card, CardAction, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import type { Granularity } from "@/lib/schemas/phone-numbers";
import { MetricsTable } from "@/components/phone-numbers/metrics-table";

// recharts is the heaviest thing on the page: loaded on its own, after the rest is interactive.
const MetricsChart = dynamic(() => import("@/components/phone-numbers/metrics-chart").then((m) => m.MetricsChart), {
  ssr: false,
  loading: () => <Skeleton className="h-64 w-full" />,
});

/** Sent and delivered messages: 30 days by day, or the last 24 hours by half hour. */
export function MetricsCard({ spaceId, phone }: { spaceId: string; phone: string }) {
  const t = useTranslations("phoneNumbers.metrics");
  const format = useFormatter();
  const [granularity, setGranularity] = useState<Granularity>("DAILY");
  const [asTable, setAsTable] = useState(false);
  const q = usePhoneMetrics(spaceId, phone, granularity);
  const error = readErrorOf(q.error);

  const points = useMemo(
    () =>
      (q.data?.points ?? []).map((p) => ({
        ...p,
        label:
          granularity === "DAILY"
            ? format.dateTime(p.start, { month: "short", day: "numeric" })
            : format.dateTime(p.start, { hour: "2-digit", minute: "2-digit" }),
      })),
    [q.data, granularity, format],
  );
  const totals = useMemo(() => points.reduce((a, p) => ({ sent: a.sent + p.sent, delivered: a.delivered + p.delivered }), { sent: 0, delivered: 0 }), [points]);
  const range = granularity === "DAILY" ? t("last30Days") : t("last24Hours");
  const summary = t("summary", { range, sent: totals.sent, delivered: totals.delivered });

  return (
    <Card data-testid="metrics-card">
      <CardHeader>
        <CardTitle asHeading="h2">{t("title")}</CardTitle>
        <CardDescription>{q.data ? summary : t("description")}</CardDescription>
        {/* Under the description on a phone, beside the title from sm up. */}
        <CardAction className="col-start-1 row-span-1 row-start-3 flex flex-wrap gap-2 justify-self-start sm:col-start-2 sm:row-span-2 sm:row-start-1 sm:justify-self-end">
          <div role="group" aria-label={t("range")} className="flex rounded-md border p-0.5">
            {(["DAILY", "HALF_HOUR"] as const).map((g) => (
              <Button key={g} size="sm" variant={granularity === g ? "secondary" : "ghost"} aria-pressed={granularity === g} onClick={() => setGranularity(g)}>
                {g === "DAILY" ? t("daily") : t("halfHourly")}
              </Button>
            ))}
          </div>
          <Button size="sm" variant="outline" aria-pressed={asTable} onClick={() => setAsTable((v) => !v)}>
            {asTable ? t("showChart") : t("showTable")}
          </Button>
        </CardAction>
      </CardHeader>
      <CardContent>
        {error && !q.data ? (
          <ReadErrorPanel error={error} onRetry={() => void q.refetch()} retrying={q.isFetching} />
        ) : !q.data ? (
          <Skeleton className="h-64 w-full" />
        ) : asTable ? (
          <MetricsTable points={points} caption={summary} granularity={granularity} />
        ) : (
          <>
            <div role="img" aria-label={summary} className="h-64 w-full" data-testid="metrics-chart">
              <MetricsChart points={points} sentLabel={t("sent")} deliveredLabel={t("delivered")} />
            </div>
            {/* The same figures for screen readers, without a toggle. */}
            <MetricsTable points={points} caption={summary} granularity={granularity} hidden />
          </>
        )}
      </CardContent>
    </Card>
  );
}
