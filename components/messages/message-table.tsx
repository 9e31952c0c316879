"use client";

import { ArrowDownLeft, ArrowUpRight, MessagesSquare } from "lucide-react";
import { useTranslations } from "next-intl";
import Link from "@/components/ui/link";
import { AuditTime } from "@/components/audit/audit-time";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatPhoneNumber } from "@/lib/phone";
import { MESSAGE_STATUSES, type MessageRow } from "@/lib/schemas/messages";

const known = (s: string | null) => (s && (MESSAGE_STATUSES as readonly string[]).includes(s.toLowerCase()) ? s.toLowerCase() : null);

/** The failure in plain words when its WhatsApp code is one we explain, with CAMS's text beside it. */
function FailReason({ row }: { row: MessageRow }) {
  const t = useTranslations("messageLog");
  if (!row.failReason) return null;
  return (
    <div className="mt-1 space-y-0.5 text-xs" data-testid="fail-reason">
      {row.failCode ? <p className="font-medium text-destructive">{t(`fail.${row.failCode}`)}</p> : null}
      <p className="break-words text-muted-foreground">
        {row.failCode ? t("failRaw", { reason: row.failReason }) : t("failUnknown", { reason: row.failReason })}
      </p>
    </div>
  );
}

interface Props {
  rows: MessageRow[];
  page: number;
  prevHref: string | null;
  nextHref: string | null;
  filtered: boolean;
}

/** One page of the log, newest first; Previous/Next (CAMS gives no total). */
export function MessageTable({ rows, page, prevHref, nextHref, filtered }: Props) {
  const t = useTranslations("messageLog");
  if (rows.length === 0 && page === 1) {
    return <EmptyState icon={<MessagesSquare />} title={filtered ? t("noneFiltered") : t("none")} description={filtered ? t("noneFilteredBody") : t("noneBody")} />;
  }
  return (
    <div className="space-y-3">
      {rows.length === 0 ? <p className="text-sm text-muted-foreground">{t("pastEnd")}</p> : null}
      {rows.length ? (
        <Table aria-label={t("tableLabel")} data-testid="message-table">
          <TableHeader>
            <TableRow>
              <TableHead>{t("time")}</TableHead>
              <TableHead>{t("direction")}</TableHead>
              <TableHead>{t("user")}</TableHead>
              <TableHead>{t("status")}</TableHead>
              <TableHead hideBelow="md">{t("template")}</TableHead>
              <TableHead>{t("message")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((r) => {
              const status = known(r.status);
              return (
                <TableRow key={r.messageId} data-testid="message-row" className="align-top">
                  <TableCell className="whitespace-nowrap text-xs">{r.sentAt ? <AuditTime at={r.sentAt} /> : "—"}</TableCell>
                  <TableCell className="whitespace-nowrap">
                    {r.direction === "UP" ? (
                      <span className="inline-flex items-center gap-1 text-sm">
                        <ArrowDownLeft className="size-4 text-primary" aria-hidden="true" />
                        {t("directions.UP")}
                      </span>
                    ) : r.direction === "DOWN" ? (
                      <span className="inline-flex items-center gap-1 text-sm">
                        <ArrowUpRight className="size-4 text-muted-foreground" aria-hidden="true" />
                        {t("directions.DOWN")}
                      </span>
                    ) : (
                      (r.direction ?? "—")
                    )}
                  </TableCell>
                  <TableCell className="whitespace-nowrap font-mono text-xs">{r.userNumber ? formatPhoneNumber(r.userNumber) : "—"}</TableCell>
                  <TableCell>
                    <Badge variant={status === "failed" ? "destructive" : status === "read" || status === "delivered" ? "success" : "secondary"}>{status ? t(`statuses.${status}`) : (r.status ?? "—")}</Badge>
                  </TableCell>
                  <TableCell hideBelow="md" className="font-mono text-xs">
                    {r.templateCode ?? "—"}
                  </TableCell>
                  <TableCell className="max-w-md whitespace-normal">
                    <p className="line-clamp-3 break-words text-sm">{r.message ?? ""}</p>
                    <FailReason row={r} />
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      ) : null}
      <nav aria-label={t("pager")} className="flex items-center justify-between gap-2">
        {prevHref ? (
          <Button asChild variant="outline" size="sm">
            <Link href={prevHref}>{t("prev")}</Link>
          </Button>
        ) : (
          <span />
        )}
        <span className="text-sm text-muted-foreground tabular-nums">{t("pageN", { page })}</span>
        {nextHref ? (
          <Button asChild variant="outline" size="sm">
            <Link href={nextHref}>{t("next")}</Link>
          </Button>
        ) : (
          <span />
        )}
      </nav>
    </div>
  );
}
