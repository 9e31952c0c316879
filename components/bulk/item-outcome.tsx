"use client";

import { useTranslations } from "next-intl";
import { useExplainCamsError } from "@/components/action-error";
import type { JobChange, JobItemRow } from "@/lib/schemas/bulk";
import { ItemHeld } from "./held-after";

/** Codes the job worker gives an item itself; CAMS codes are explained from messages/<locale>/camsErrors.json. */
const WORKER_CODES: Record<string, string> = {
  "Bulk.Forbidden": "forbidden",
  "Bulk.Interrupted": "interrupted",
  "Bulk.Unexpected": "unexpected",
};

/**
 * Why a number failed, in plain words, with the code and CAMS request id to quote; for a changed
 * number of a webhook job, what CAMS held when read back afterwards.
 */
export function ItemOutcome({ item, change }: { item: JobItemRow; change: JobChange }) {
  const t = useTranslations("bulk.itemErrors");
  const tc = useTranslations("common");
  const explainCode = useExplainCamsError();
  if (item.status === "ok" && item.result && change.kind === "webhook") {
    return (
      <div className="space-y-1">
        <ItemHeld change={change} result={item.result} />
        {item.requestId ? (
          <p className="font-mono text-xs text-muted-foreground" title={tc("requestId")}>
            {item.requestId}
          </p>
        ) : null}
      </div>
    );
  }
  if (item.status !== "failed" || !item.errorCode) {
    return item.requestId ? (
      <span className="font-mono text-xs text-muted-foreground" title={tc("requestId")}>
        {item.requestId}
      </span>
    ) : (
      <span className="text-muted-foreground">—</span>
    );
  }
  const own = WORKER_CODES[item.errorCode];
  const e = own ? { title: t(`${own}.title`), explanation: t(`${own}.body`) } : explainCode(item.errorCode);
  return (
    <div className="max-w-md space-y-1 text-sm" data-testid="item-error">
      <p className="font-medium text-destructive">{e.title}</p>
      <p className="text-muted-foreground">{e.explanation}</p>
      <p className="font-mono text-xs break-all text-muted-foreground">
        {item.errorCode}
        {item.requestId ? ` · ${tc("requestId")} ${item.requestId}` : null}
      </p>
    </div>
  );
}
