"use client";

import { RotateCw, TriangleAlert } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { ActionErrorAlert } from "@/components/action-error";
import { Button } from "@/components/ui/button";
import type { SpaceNumbersResult } from "@/lib/schemas/phone-numbers";

/** A space not read at all, or (`stale`) one whose last refresh failed: its last known numbers are in the table. */
export type Failed = Extract<SpaceNumbersResult, { ok: false }> & { stale?: boolean };

/** Failed spaces listed before "Show all": an account that fails fails all its spaces, maybe hundreds. */
const FIRST_FAILED = 5;

/** "All spaces": which spaces could not be read, each with its explained CAMS error; the table shows the rest. */
export function FailedSpaces({ failed, total, onRetry, retrying }: { failed: Failed[]; total: number; onRetry: () => void; retrying: boolean }) {
  const t = useTranslations("phoneNumbers.all");
  const [all, setAll] = useState(false);
  if (failed.length === 0) return null;
  const shown = all ? failed : failed.slice(0, FIRST_FAILED);
  return (
    <section aria-labelledby="failed-spaces-title" className="space-y-3 rounded-lg border border-destructive/40 p-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="failed-spaces-title" className="flex items-center gap-2 font-semibold">
          <TriangleAlert className="size-4 text-destructive" aria-hidden="true" />
          {t("failedTitle", { failed: failed.length, total })}
        </h2>
        <Button variant="outline" size="sm" onClick={onRetry} disabled={retrying} aria-busy={retrying || undefined}>
          <RotateCw className={retrying ? "animate-spin" : undefined} aria-hidden="true" />
          {t("retry")}
        </Button>
      </div>
      <ul className="space-y-3">
        {shown.map((s) => (
          <li key={s.spaceId} data-testid={`space-failed-${s.spaceId}`} className="space-y-1">
            <p className="text-sm font-medium">{t(s.stale ? "spaceStale" : "spaceFailed", { space: s.spaceName })}</p>
            <ActionErrorAlert error={s.error} />
          </li>
        ))}
      </ul>
      {failed.length > FIRST_FAILED ? (
        <Button variant="link" size="sm" className="px-0" aria-expanded={all} onClick={() => setAll((a) => !a)}>
          {all ? t("showFewerFailed") : t("showAllFailed", { count: failed.length })}
        </Button>
      ) : null}
    </section>
  );
}
