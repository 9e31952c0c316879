"use client";

import { RotateCw } from "lucide-react";
import { useTranslations } from "next-intl";
import { ActionErrorAlert } from "@/components/action-error";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { formatPhoneNumber } from "@/lib/phone";
import type { ActionServerError } from "@/lib/action-error";
import type { NumberLoad } from "./queries";
import { readErrorOf } from "@/components/read-error";

/** Codes arrive number by number (CAMS allows 5 list calls a second): say how far along we are. */
export function LoadProgress({ done, total }: { done: number; total: number }) {
  const t = useTranslations("qrCodes.list");
  const pct = total ? Math.round((done / total) * 100) : 0;
  return (
    <div className="space-y-1" data-testid="qr-progress">
      <p className="text-sm text-muted-foreground" id="qr-progress-label">
        {t("progress", { done, total })}
      </p>
      <div
        role="progressbar"
        aria-labelledby="qr-progress-label"
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
        className="h-1.5 w-full max-w-sm overflow-hidden rounded-full bg-muted"
      >
        <div className="h-full bg-primary transition-[width]" style={{ width: `${pct}%` }} />
      </div>
    </div>
  );
}

/** Numbers whose codes could not be read: the others are still listed. The first error is explained in full. */
export function NumberFailures({ failed, onRetry }: { failed: NumberLoad[]; onRetry: () => void }) {
  const t = useTranslations("qrCodes.list");
  if (failed.length === 0) return null;
  const first = readErrorOf(failed[0]!.query.error);
  const retrying = failed.some((f) => f.query.isFetching);
  return (
    <div className="space-y-2" data-testid="qr-failures">
      <Alert variant="warning">
        <AlertTitle>{t("failedNumbers", { count: failed.length })}</AlertTitle>
        <AlertDescription>
          <p className="tabular-nums">{failed.map((f) => formatPhoneNumber(f.number.phoneNumber)).join(", ")}</p>
        </AlertDescription>
      </Alert>
      {first ? <ActionErrorAlert error={first} /> : null}
      <Button variant="outline" size="sm" onClick={onRetry} disabled={retrying} aria-busy={retrying || undefined}>
        <RotateCw className={retrying ? "animate-spin" : undefined} aria-hidden="true" />
        {t("retryFailed")}
      </Button>
    </div>
  );
}

/** All-spaces view: spaces whose numbers could not be listed. */
export function SpaceFailures({ failed }: { failed: { spaceName: string; error: ActionServerError }[] }) {
  const t = useTranslations("qrCodes.list");
  if (failed.length === 0) return null;
  return (
    <Alert variant="warning" data-testid="qr-space-failures">
      <AlertTitle>{t("failedSpaces", { count: failed.length })}</AlertTitle>
      <AlertDescription>
        <ul className="list-disc pl-4">
          {failed.map((f) => (
            <li key={f.spaceName}>
              {f.spaceName}
              {f.error.code ? <span className="ml-1 font-mono text-xs">({f.error.code})</span> : null}
            </li>
          ))}
        </ul>
      </AlertDescription>
    </Alert>
  );
}
