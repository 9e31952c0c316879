"use client";

import { useFormatter, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { DeliveryLog as Log, DeliveryLogRow } from "@/lib/schemas/alert-channels";

/** Three failures in a row mark a channel as failing. */
const FAILING_AFTER = 3;
const STATUS_VARIANT = { ok: "success", failed: "destructive", pending: "warning" } as const;

/** Settings → Alerts: the latest 50 deliveries per channel, and a red badge on a channel that keeps failing. */
export function DeliveryLog({ log }: { log: Log }) {
  const t = useTranslations("alerts");
  return (
    <section aria-labelledby="delivery-log-title" className="space-y-4">
      <h2 id="delivery-log-title" className="text-lg font-semibold">
        {t("log.title")}
      </h2>
      {(["email", "webhook"] as const).map((channel) => (
        <div key={channel} className="space-y-2" data-testid={`delivery-log-${channel}`}>
          <div className="flex items-center gap-2">
            <h3 className="font-medium">{t(`log.${channel}`)}</h3>
            {log.failingStreak[channel] >= FAILING_AFTER ? (
              <Badge variant="destructive" data-testid={`delivery-failing-${channel}`}>
                {t("log.failing", { count: log.failingStreak[channel] })}
              </Badge>
            ) : null}
          </div>
          <Rows rows={log[channel]} />
        </div>
      ))}
    </section>
  );
}

function Rows({ rows }: { rows: DeliveryLogRow[] }) {
  const t = useTranslations("alerts");
  const format = useFormatter();
  if (!rows.length) return <p className="text-sm text-muted-foreground">{t("log.empty")}</p>;
  return (
    <div className="overflow-x-auto rounded-md border">
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>{t("log.status")}</TableHead>
            <TableHead>{t("log.target")}</TableHead>
            <TableHead>{t("log.alert")}</TableHead>
            <TableHead>{t("log.attempts")}</TableHead>
            <TableHead>{t("log.latency")}</TableHead>
            <TableHead>{t("log.error")}</TableHead>
            <TableHead>{t("log.time")}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={r.id} data-testid="delivery-row" data-status={r.status}>
              <TableCell>
                <Badge variant={STATUS_VARIANT[r.status as keyof typeof STATUS_VARIANT] ?? "muted"}>{t(`log.state.${r.status as keyof typeof STATUS_VARIANT}`)}</Badge>
              </TableCell>
              <TableCell className="max-w-xs break-all font-mono text-xs">{r.target}</TableCell>
              <TableCell>
                {t(`alert.${r.kind as "drift"}`)} · <span className="font-mono text-xs">{r.phoneNumber}</span>
              </TableCell>
              <TableCell>{r.attempts}</TableCell>
              <TableCell>{r.latencyMs === null ? "—" : `${r.latencyMs} ms`}</TableCell>
              <TableCell className="max-w-xs break-words text-xs">{r.lastError ?? (r.httpStatus ? `HTTP ${r.httpStatus}` : "—")}</TableCell>
              <TableCell className="whitespace-nowrap text-xs">{format.dateTime(new Date(r.at), { dateStyle: "short", timeStyle: "medium" })}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
