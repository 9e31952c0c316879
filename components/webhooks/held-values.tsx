"use client";

import { useFormatter, useTranslations } from "next-intl";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import type { WebhookRow } from "@/lib/schemas/webhooks";
import { FlagBadge, UrlCell } from "./cells";

export interface SentValues {
  statusCallbackUrl: string;
  upCallbackUrl: string;
  httpFlag: string;
  queueFlag: string;
}

export interface SaveReceipt {
  requestId: string | null;
  at: number;
  sent: SentValues;
}

function Item({ label, children, differs, half }: { label: string; children: React.ReactNode; differs?: boolean; half?: boolean }) {
  const t = useTranslations("webhooks.held");
  return (
    <div className={half ? "space-y-1" : "col-span-2 space-y-1"}>
      <dt className="text-xs font-medium text-muted-foreground">{label}</dt>
      <dd className="flex min-w-0 flex-wrap items-center gap-2">
        {children}
        {differs ? <span className="text-xs font-medium text-warning">{t("differs")}</span> : null}
      </dd>
    </div>
  );
}

/**
 * What CAMS holds for the number, as read from QueryChatappPhoneNumbers. After a save it marks every
 * field where CAMS now holds something other than what was sent (e.g. a blank URL CAMS kept).
 */
export function HeldValues({ row, receipt, fetchedAt }: { row: WebhookRow; receipt: SaveReceipt | null; fetchedAt: number }) {
  const t = useTranslations("webhooks.held");
  const tc = useTranslations("common");
  const format = useFormatter();
  const sent = receipt?.sent;
  const differs = (held: string | null, typed: string | undefined) => sent !== undefined && (held ?? "") !== (typed ?? "");
  return (
    <Card className="gap-4" data-testid="held-values">
      <CardHeader>
        <CardTitle asHeading="h3">{t("title")}</CardTitle>
        <CardDescription>
          {receipt
            ? t("afterSave", { time: format.dateTime(receipt.at, { timeStyle: "medium" }) })
            : t("asRead", { time: format.dateTime(fetchedAt, { timeStyle: "medium" }) })}
        </CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
        <dl className="grid grid-cols-2 gap-3">
          <Item label={t("statusUrl")} differs={differs(row.statusCallbackUrl, sent?.statusCallbackUrl)}>
            <UrlCell url={row.statusCallbackUrl} className="max-w-full" />
          </Item>
          <Item label={t("inboundUrl")} differs={differs(row.upCallbackUrl, sent?.upCallbackUrl)}>
            <UrlCell url={row.upCallbackUrl} className="max-w-full" />
          </Item>
          <Item half label={t("http")} differs={sent !== undefined && row.httpFlag !== sent.httpFlag}>
            <FlagBadge value={row.httpFlag} />
          </Item>
          <Item half label={t("queue")} differs={sent !== undefined && row.queueFlag !== sent.queueFlag}>
            <FlagBadge value={row.queueFlag} />
          </Item>
          {row.statusQueue || row.upQueue ? (
            <Item label={t("queues")}>
              <span className="space-y-0.5 font-mono text-xs break-all">
                {row.statusQueue ? <span className="block">{row.statusQueue}</span> : null}
                {row.upQueue ? <span className="block">{row.upQueue}</span> : null}
              </span>
            </Item>
          ) : null}
        </dl>
        <p className="text-xs text-muted-foreground">{t("flagsInferred")}</p>
        {receipt?.requestId ? (
          <p className="flex items-center gap-1 text-xs text-muted-foreground">
            {tc("requestId")}: <span className="font-mono break-all" data-testid="save-request-id">{receipt.requestId}</span>
            <CopyButton text={receipt.requestId} label={t("copyRequestId")} copiedLabel={tc("copied")} size="icon" variant="ghost" />
          </p>
        ) : null}
      </CardContent>
    </Card>
  );
}
