"use client";

import { ChevronRight } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { CopyButton } from "@/components/ui/copy-button";
import type { KeyDetails, LastKeyChange } from "@/lib/schemas/encryption-keys";

/** A fingerprint in a mono font, allowed to wrap so it never widens the page. */
export function Fingerprint({ value, className }: { value: string; className?: string }) {
  return (
    <code className={`font-mono text-xs break-all ${className ?? ""}`} data-testid="fingerprint">
      {value}
    </code>
  );
}

export function KeyFacts({ keyInfo }: { keyInfo: KeyDetails }) {
  const t = useTranslations("encryptionKeys.details");
  const tc = useTranslations("common");
  return (
    <>
      <div className="grid gap-1 sm:grid-cols-[12rem_1fr]">
        <dt className="text-muted-foreground">{t("type")}</dt>
        <dd data-testid="key-type">
          {keyInfo.keyType ? t("typeValue", { type: keyInfo.keyType, bits: keyInfo.bits ?? "?" }) : t("typeUnknown")}
        </dd>
      </div>
      <div className="grid gap-1 sm:grid-cols-[12rem_1fr]">
        <dt className="text-muted-foreground">{t("fingerprint")}</dt>
        <dd className="flex items-start gap-1">
          {keyInfo.fingerprint ? (
            <>
              <Fingerprint value={keyInfo.fingerprint} className="pt-1.5" />
              <CopyButton text={keyInfo.fingerprint} label={t("copyFingerprint")} copiedLabel={tc("copied")} size="icon" />
            </>
          ) : (
            <span className="text-muted-foreground">—</span>
          )}
        </dd>
      </div>
      <div className="grid gap-1 sm:grid-cols-[12rem_1fr]">
        <dt className="text-muted-foreground">{t("pem")}</dt>
        <dd>
          <details className="group rounded-md border">
            <summary className="flex cursor-pointer list-none items-center gap-1 px-3 py-2 text-sm font-medium select-none focus-visible:outline-2 focus-visible:outline-ring [&::-webkit-details-marker]:hidden">
              <ChevronRight aria-hidden="true" className="size-4 transition-transform group-open:rotate-90" />
              {t("showPem")}
            </summary>
            <div className="relative border-t">
              <pre className="overflow-x-auto p-3 pr-12 font-mono text-xs leading-relaxed" data-testid="key-pem">
                {keyInfo.pem}
              </pre>
              <CopyButton text={keyInfo.pem} label={t("copyPem")} copiedLabel={tc("copied")} size="icon" className="absolute top-2 right-2" />
            </div>
          </details>
        </dd>
      </div>
    </>
  );
}

/** "Last changed here": the newest successful update in this console's audit log, or a plain "never". */
export function LastChange({ change, compact, currentFingerprint }: { change: LastKeyChange | null; compact?: boolean; currentFingerprint?: string | null }) {
  const t = useTranslations("encryptionKeys.details");
  const format = useFormatter();
  if (!change) return <span className="text-muted-foreground">{compact ? "—" : t("neverChanged")}</span>;
  const at = new Date(change.at);
  const date = format.dateTime(at, { dateStyle: "medium", timeStyle: "short" });
  if (compact) {
    return (
      <span className="flex flex-col">
        <time dateTime={change.at}>{date}</time>
        {change.by ? <span className="text-xs text-muted-foreground">{change.by}</span> : null}
      </span>
    );
  }
  return (
    <span className="flex flex-col gap-0.5" data-testid="last-change">
      <span>
        {t("lastChangedValue", { date, by: change.by ?? t("unknownUser") })}
        {change.origin ? <span className="text-muted-foreground"> · {t(`origin.${change.origin}`)}</span> : null}
        {change.bulk ? <span className="text-muted-foreground"> · {t("viaBulk")}</span> : null}
      </span>
      {change.fingerprint && currentFingerprint && change.fingerprint !== currentFingerprint ? (
        <span className="text-xs text-muted-foreground" data-testid="changed-elsewhere">
          {t("changedElsewhere")}
        </span>
      ) : null}
      {change.requestId ? (
        <span className="font-mono text-xs text-muted-foreground">
          {t("requestId")}: {change.requestId}
        </span>
      ) : null}
    </span>
  );
}
