"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import type { AuditEventDto } from "@/lib/schemas/audit";
import { operationLabel } from "@/lib/audit-display";
import { AuditTarget, OutcomeBadge } from "./audit-labels";
import { AuditTime } from "./audit-time";

/** The event in full: the (already redacted) input, request id and error code. Read-only by design. */
export function AuditDetail({ event }: { event: AuditEventDto }) {
  const t = useTranslations("audit");
  const tc = useTranslations("common");
  const mono = "break-all font-mono text-xs leading-5";
  const rows: [string, React.ReactNode, string?][] = [
    [t("when"), <AuditTime key="at" at={event.at} />],
    [t("user"), event.userEmail],
    [t("space"), event.spaceName ?? event.spaceId],
    [t("operation"), operationLabel(t, event.operation)],
    [t("target"), <AuditTarget key="target" event={event} />],
    [t("outcome"), <OutcomeBadge key="outcome" outcome={event.outcome} />],
    [t("errorCode"), event.errorCode, mono],
    [t("requestId"), event.requestId, mono],
    [t("duration"), event.durationMs === null ? null : `${event.durationMs} ms`],
    [t("clientAddress"), event.clientAddress, mono],
  ];
  return (
    <Dialog>
      <DialogTrigger asChild>
        <Button variant="ghost" size="sm" aria-label={`${t("details")} #${event.id}`}>
          {t("details")}
        </Button>
      </DialogTrigger>
      <DialogContent closeLabel={tc("close")} className="max-h-[90vh] overflow-y-auto sm:max-w-2xl">
        <DialogHeader>
          <DialogTitle>
            {operationLabel(t, event.operation)} #{event.id}
          </DialogTitle>
          <DialogDescription>{t("detailHint")}</DialogDescription>
        </DialogHeader>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          {rows.map(([k, v, className]) => (
            <div key={k} className="contents">
              <dt className="text-muted-foreground">{k}</dt>
              <dd className={className ?? "break-words leading-5"}>{v ?? "—"}</dd>
            </div>
          ))}
        </dl>
        <div>
          <p className="mb-1 text-sm font-medium">{t("input")}</p>
          <pre className="max-h-72 overflow-auto rounded-md bg-muted p-3 text-xs">{JSON.stringify(event.input, null, 2) ?? "—"}</pre>
        </div>
      </DialogContent>
    </Dialog>
  );
}
