"use client";

import { CircleCheck, CircleX, ShieldAlert } from "lucide-react";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { TestDeliveryOutcome } from "@/lib/schemas/webhooks";

function Sent({ body }: { body: string }) {
  const t = useTranslations("webhooks.test.result");
  let pretty = body;
  try {
    pretty = JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    // Shown as sent.
  }
  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-muted-foreground hover:text-foreground">{t("sent")}</summary>
      <pre className="mt-2 max-h-64 overflow-auto rounded-md bg-muted p-3 font-mono text-xs">{pretty}</pre>
    </details>
  );
}

function Answered({ r }: { r: Extract<TestDeliveryOutcome, { kind: "answered" }> }) {
  const t = useTranslations("webhooks.test.result");
  const ok = r.status >= 200 && r.status < 300;
  return (
    <div className="space-y-3">
      <p className="flex items-center gap-2 font-medium">
        {ok ? <CircleCheck className="size-4 text-success" aria-hidden="true" /> : <CircleX className="size-4 text-destructive" aria-hidden="true" />}
        {ok ? t("ok", { status: r.status }) : t("notOk", { status: r.status })}
      </p>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-muted-foreground">{t("status")}</dt>
        <dd>
          <Badge variant={ok ? "success" : "destructive"} data-testid="test-status">
            {r.statusText ? `${r.status} ${r.statusText}` : r.status}
          </Badge>
        </dd>
        <dt className="text-muted-foreground">{t("time")}</dt>
        <dd data-testid="test-duration">{t("ms", { ms: r.durationMs })}</dd>
        <dt className="text-muted-foreground">{t("address")}</dt>
        <dd className="font-mono text-xs">{r.address}</dd>
        {r.contentType ? (
          <>
            <dt className="text-muted-foreground">{t("contentType")}</dt>
            <dd className="font-mono text-xs break-all">{r.contentType}</dd>
          </>
        ) : null}
      </dl>
      {r.location ? <p className="text-sm text-warning">{t("redirect", { location: r.location })}</p> : null}
      {r.bodyHidden ? (
        <p className="text-sm text-muted-foreground" data-testid="test-answer-hidden">
          {t("bodyHidden")}
        </p>
      ) : (
        <div className="space-y-1">
          <p className="text-sm text-muted-foreground">
            {t("answer")} {r.truncated ? t("truncated") : null}
          </p>
          <pre className="max-h-48 overflow-auto rounded-md bg-muted p-3 font-mono text-xs whitespace-pre-wrap break-all" data-testid="test-answer">
            {r.bodyPreview || t("empty")}
          </pre>
        </div>
      )}
    </div>
  );
}

type Refused = Extract<TestDeliveryOutcome, { kind: "refused" }>;

/** Why a blocked address was refused: never allowed, outside the admin's networks, or on a port not listed. */
function refusedBlocked(t: (key: "refusedNever" | "refusedNotListed" | "refusedPort", values: { address: string; range: string; port: number }) => string, rule: Refused["rule"], values: { address: string; range: string; port: number }) {
  return t(rule === "port" ? "refusedPort" : rule === "notListed" ? "refusedNotListed" : "refusedNever", values);
}

/** What a test delivery came to: the receiver's answer, or why nothing (or nothing useful) was sent. */
export function TestResult({ outcome }: { outcome: TestDeliveryOutcome }) {
  const t = useTranslations("webhooks.test.result");
  const tr = useTranslations("webhooks.ranges");
  let body: React.ReactNode;
  if (outcome.kind === "answered") {
    body = <Answered r={outcome} />;
  } else {
    const text =
      outcome.kind === "refused"
        ? outcome.reason === "blocked"
          ? outcome.range === "metadata"
            ? t("refusedMetadata", { address: outcome.address ?? "" })
            : refusedBlocked(t, outcome.rule, { address: outcome.address ?? "", range: tr(outcome.range ?? "reserved"), port: outcome.port ?? 0 })
          : outcome.reason === "dns"
            ? t("refusedDns")
            : t("refusedUrl")
        : outcome.reason === "timeout"
          ? t("timeout")
          : outcome.reason === "tls"
            ? t("tls", { detail: outcome.detail })
            : t("network", { detail: outcome.detail });
    body = (
      <p className="flex items-start gap-2 font-medium">
        <ShieldAlert className="mt-0.5 size-4 shrink-0 text-destructive" aria-hidden="true" />
        <span data-testid="test-refused">{text}</span>
      </p>
    );
  }
  return (
    <div className="space-y-3 rounded-lg border p-4" data-testid="test-result" data-kind={outcome.kind}>
      {body}
      {outcome.kind !== "refused" || outcome.reason !== "url" ? <Sent body={outcome.sent} /> : null}
    </div>
  );
}
