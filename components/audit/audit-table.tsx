import { FileClock } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { KeysetTable } from "@/components/keyset-pager";
import { EmptyState } from "@/components/ui/empty-state";
import { TableCell, TableHead, TableRow } from "@/components/ui/table";
import type { AuditEventDto } from "@/lib/schemas/audit";
import { AuditDetail } from "./audit-detail";
import { operationLabel } from "@/lib/audit-display";
import { AuditTarget, OutcomeBadge } from "./audit-labels";
import { AuditTime } from "./audit-time";

export async function AuditTable({ events, newerHref, olderHref }: { events: AuditEventDto[]; newerHref: string | null; olderHref: string | null }) {
  const t = await getTranslations("audit");
  if (events.length === 0) return <EmptyState icon={<FileClock />} title={t("empty")} description={t("emptyBody")} />;
  return (
    <KeysetTable
      head={
        <>
          <TableHead>{t("when")}</TableHead>
          <TableHead hideBelow="md">{t("user")}</TableHead>
          <TableHead hideBelow="md">{t("space")}</TableHead>
          <TableHead>{t("operation")}</TableHead>
          <TableHead>{t("target")}</TableHead>
          <TableHead>{t("outcome")}</TableHead>
          <TableHead hideBelow="lg">{t("requestId")}</TableHead>
          <TableHead>
            <span className="sr-only">{t("details")}</span>
          </TableHead>
        </>
      }
      pager={{ label: t("pagination"), newest: t("newest"), older: t("older"), newerHref, olderHref }}
    >
      {events.map((e) => (
        <TableRow key={e.id} data-testid="audit-row" data-operation={e.operation} data-target={e.target ?? ""}>
          <TableCell className="whitespace-nowrap tabular-nums">
            <AuditTime at={e.at} />
          </TableCell>
          <TableCell hideBelow="md" className="max-w-48 truncate">{e.userEmail ?? "—"}</TableCell>
          <TableCell hideBelow="md" className="max-w-40 truncate">{e.spaceName ?? "—"}</TableCell>
          <TableCell>{operationLabel(t, e.operation)}</TableCell>
          <TableCell className="max-w-40 truncate">
            <AuditTarget event={e} />
          </TableCell>
          <TableCell>
            <OutcomeBadge outcome={e.outcome} />
            {e.errorCode ? <span className="ml-2 font-mono text-xs">{e.errorCode}</span> : null}
          </TableCell>
          <TableCell hideBelow="lg" className="max-w-44 truncate font-mono text-xs">{e.requestId ?? "—"}</TableCell>
          <TableCell className="text-right">
            <AuditDetail event={e} />
          </TableCell>
        </TableRow>
      ))}
    </KeysetTable>
  );
}
