"use client";

import { useTranslations } from "next-intl";
import { useExplainCamsError } from "@/components/action-error";
import { UrlCell } from "@/components/webhooks/cells";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { heldDiffers, type HeldWebhook, type ItemResult, type JobProgress, type WebhookField, type WebhookParams } from "@/lib/schemas/bulk";

function Differs({ show }: { show: boolean }) {
  const t = useTranslations("bulk.held");
  return show ? <span className="block text-xs font-medium text-warning">{t("differs")}</span> : null;
}

const queuesOn = (h: HeldWebhook) => !!(h.statusQueue || h.upQueue);

/** One number's read-back in a table cell: what CAMS holds now, marked where it is not what was asked. */
export function ItemHeld({ change, result }: { change: WebhookParams; result: ItemResult }) {
  const t = useTranslations("bulk.held");
  if (result.read !== "ok") return <ReadProblem result={result} />;
  const d = new Set<WebhookField>(heldDiffers(change, result.held));
  const h = result.held;
  return (
    <dl className="grid max-w-md grid-cols-[max-content_1fr] gap-x-3 gap-y-0.5 text-xs" data-testid="item-held">
      <dt className="text-muted-foreground">{t("statusUrl")}</dt>
      <dd className="min-w-0">
        <UrlCell url={h.statusCallbackUrl} />
        <Differs show={d.has("statusCallbackUrl") || d.has("http")} />
      </dd>
      <dt className="text-muted-foreground">{t("upUrl")}</dt>
      <dd className="min-w-0">
        <UrlCell url={h.upCallbackUrl} />
        <Differs show={d.has("upCallbackUrl")} />
      </dd>
      <dt className="text-muted-foreground">{t("queue")}</dt>
      <dd>
        {queuesOn(h) ? t("on") : t("off")}
        <Differs show={d.has("queue")} />
      </dd>
    </dl>
  );
}

function ReadProblem({ result }: { result: Exclude<ItemResult, { read: "ok" }> }) {
  const t = useTranslations("bulk.held");
  const tc = useTranslations("common");
  const explainCode = useExplainCamsError();
  if (result.read === "missing") return <p className="text-xs text-warning">{t("missing")}</p>;
  const e = result.code ? explainCode(result.code) : null;
  return (
    <div className="max-w-md space-y-0.5 text-xs" data-testid="item-read-failed">
      <p className="font-medium text-warning">{t("readFailed")}</p>
      {e ? <p className="text-muted-foreground">{e.explanation}</p> : null}
      <p className="font-mono break-all text-muted-foreground">
        {result.code ?? "—"}
        {result.requestId ? ` · ${tc("requestId")} ${result.requestId}` : null}
      </p>
    </div>
  );
}

/**
 * The job page's "What changes" for a webhook job: what was asked, then what CAMS holds on the
 * finished numbers as read back after each change, grouped by identical values.
 */
export function HeldAfter({ job }: { job: JobProgress }) {
  const t = useTranslations("bulk.held");
  if (job.change.kind !== "webhook") return null;
  const change = job.change;
  const shown = job.heldAfter.reduce((n, g) => n + g.count, 0);
  return (
    <section aria-labelledby="held-after" className="space-y-2">
      <h3 id="held-after" className="font-medium">
        {t("title")}
      </h3>
      <p className="text-xs text-muted-foreground">{t("description")}</p>
      {job.heldAfter.length === 0 ? (
        <p className="text-sm text-muted-foreground" data-testid="held-after-empty">
          {t("none")}
        </p>
      ) : (
        <div className="rounded-md border">
          <Table data-testid="held-after">
            <TableHeader>
              <TableRow>
                <TableHead className="text-right">{t("numbers")}</TableHead>
                <TableHead>{t("holds")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {job.heldAfter.map((g) => (
                <TableRow key={JSON.stringify(g.result)}>
                  <TableCell className="text-right align-top tabular-nums">{g.count}</TableCell>
                  <TableCell>
                    <ItemHeld change={change} result={g.result} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      {shown < job.ok && job.heldAfter.length ? <p className="text-xs text-muted-foreground">{t("more", { n: job.ok - shown })}</p> : null}
    </section>
  );
}
