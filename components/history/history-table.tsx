import Link from "@/components/ui/link";
import { History } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { AuditTime } from "@/components/audit/audit-time";
import { KeysetTable } from "@/components/keyset-pager";
import { EnumBadge } from "@/components/phone-numbers/enum-badge";
import type { EnumKind } from "@/components/phone-numbers/enum-values";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { TableCell, TableHead, TableRow } from "@/components/ui/table";
import { operationLabel } from "@/lib/audit-display";
import { isHistoryField } from "@/lib/history";
import { formatPhoneNumber } from "@/lib/phone";
import type { HistoryEventDto } from "@/lib/schemas/history";

const ENUM_OF: Record<string, EnumKind> = {
  status: "status",
  qualityRating: "quality",
  messagingLimitTier: "tier",
  nameStatus: "nameStatus",
  newNameStatus: "nameStatus",
  codeVerificationStatus: "verification",
  health: "health",
  keyStatus: "keyStatus",
};

const SOURCE_VARIANT = { console: "outline", outside: "warning", cams: "secondary" } as const;

function Value({ field, value }: { field: string; value: string | null }) {
  const kind = ENUM_OF[field];
  if (kind) return <EnumBadge kind={kind} value={value} />;
  if (!value) return <span className="text-muted-foreground">—</span>;
  return (
    <span className="inline-block max-w-56 truncate align-bottom font-mono text-xs" title={value}>
      {value}
    </span>
  );
}

/**
 * Observed changes, newest first. `showNumber`: a feed (a number's own tab has it in its header);
 * `showSpace`: the feed across spaces.
 */
export async function HistoryTable({
  events,
  showNumber,
  showSpace,
  newerHref,
  olderHref,
}: {
  events: HistoryEventDto[];
  showNumber: boolean;
  showSpace: boolean;
  newerHref: string | null;
  olderHref: string | null;
}) {
  const t = await getTranslations("history");
  const ta = await getTranslations("audit");
  if (events.length === 0) return <EmptyState icon={<History />} title={t("empty")} description={t("emptyBody")} />;
  return (
    <KeysetTable
      head={
        <>
          <TableHead>{t("when")}</TableHead>
          {showSpace ? <TableHead hideBelow="md">{t("space")}</TableHead> : null}
          {showNumber ? <TableHead>{t("number")}</TableHead> : null}
          <TableHead>{t("field")}</TableHead>
          <TableHead>{t("change")}</TableHead>
          <TableHead>{t("source")}</TableHead>
        </>
      }
      pager={{ label: t("pagination"), newest: t("newest"), older: t("older"), newerHref, olderHref }}
    >
      {events.map((e) => (
        <TableRow key={e.id} data-testid="history-row" data-field={e.field} data-source={e.source} data-phone={e.phoneNumber}>
          <TableCell className="whitespace-nowrap align-top tabular-nums">
            <AuditTime at={e.observedAt} />
            <div className="text-xs text-muted-foreground">{t.has(`via.${e.via}`) ? t(`via.${e.via}`) : e.via}</div>
          </TableCell>
          {showSpace ? (
            <TableCell hideBelow="md" className="max-w-40 truncate align-top">
              {e.spaceName ?? "—"}
            </TableCell>
          ) : null}
          {showNumber ? (
            <TableCell className="align-top">
              <Link
                href={`/s/${e.spaceId}/phone-numbers/${e.phoneNumber}/history`}
                className="whitespace-nowrap tabular-nums underline-offset-4 hover:underline focus-visible:outline-2 focus-visible:outline-ring"
              >
                {formatPhoneNumber(e.phoneNumber)}
              </Link>
            </TableCell>
          ) : null}
          <TableCell className="align-top">{isHistoryField(e.field) ? t(`fields.${e.field}`) : e.field}</TableCell>
          <TableCell className="align-top">
            {e.field === "presence" ? (
              <Badge variant={e.newValue ? "success" : "destructive"}>{e.newValue ? t("presence.added") : t("presence.removed")}</Badge>
            ) : (
              <span className="flex flex-wrap items-center gap-1.5">
                <Value field={e.field} value={e.oldValue} />
                <span aria-hidden="true">→</span>
                <span className="sr-only">{t("change")}:</span>
                <Value field={e.field} value={e.newValue} />
              </span>
            )}
          </TableCell>
          <TableCell className="align-top">
            <Badge variant={SOURCE_VARIANT[e.source as keyof typeof SOURCE_VARIANT] ?? "outline"} title={t.has(`sourceHelp.${e.source}`) ? t(`sourceHelp.${e.source}`) : undefined}>
              {t.has(`sources.${e.source}`) ? t(`sources.${e.source}`) : e.source}
            </Badge>
            {e.source === "console" ? (
              <div className="mt-1 space-y-0.5 text-xs text-muted-foreground">
                {e.operation ? <div>{operationLabel(ta, e.operation)}</div> : null}
                <div className="max-w-48 truncate">{e.actorEmail ?? t("inConsole")}</div>
                {e.auditEventId ? (
                  <Link
                    href={`/audit?${new URLSearchParams({ space: e.spaceId, ...(e.operation ? { operation: e.operation } : {}), before: String(e.auditEventId + 1) }).toString()}`}
                    className="underline underline-offset-4 focus-visible:outline-2 focus-visible:outline-ring"
                  >
                    {t("openAudit")}
                  </Link>
                ) : null}
              </div>
            ) : null}
          </TableCell>
        </TableRow>
      ))}
    </KeysetTable>
  );
}
