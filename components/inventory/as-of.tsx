"use client";

import { useQueryClient } from "@tanstack/react-query";
import { RotateCw } from "lucide-react";
import { useAction } from "next-safe-action/hooks";
import { useFormatter, useNow, useTranslations } from "next-intl";
import { useSyncExternalStore } from "react";
import { toast } from "sonner";
import { ActionErrorAlert, useToastActionError } from "@/components/action-error";
import { Button } from "@/components/ui/button";
import type { ActionServerError } from "@/lib/action-error";
import { encryptionKeyKeys, phoneNumberKeys, qrCodeKeys, webhookKeys } from "@/lib/query-keys";
import type { InventoryKind } from "@/lib/schemas/inventory";
import { refreshSpaceInventoryAction } from "@/server/actions/inventory";

/**
 * "As of" of a view read from the inventory: when CAMS last answered for it, how long ago (ticking),
 * and, when the last refresh failed, that the data shown is the last known with the explained error.
 */
export function AsOf({ observedAt, stale, lastError }: { observedAt?: string; stale?: boolean; lastError?: ActionServerError | null }) {
  const t = useTranslations("inventory");
  const format = useFormatter();
  const now = useNow({ updateInterval: 15_000 });
  if (!observedAt) return null;
  const at = new Date(observedAt);
  return (
    <div className="space-y-2">
      <p className="text-xs text-muted-foreground" data-testid="as-of">
        {/* "… seconds ago" is counted again in the browser, a moment after the server wrote it: a
            text that differs at hydration would make React draw the whole list again (a search box
            typed into meanwhile lost its focus and the keystrokes). */}
        <time dateTime={observedAt} title={format.dateTime(at, { dateStyle: "medium", timeStyle: "medium" })} suppressHydrationWarning>
          {t("asOf", { time: format.dateTime(at, { timeStyle: "medium" }), ago: format.relativeTime(at, now) })}
        </time>
      </p>
      {stale && lastError ? (
        <div data-testid="as-of-stale">
          <p className="mb-1 text-sm font-medium">{t("stale")}</p>
          <ActionErrorAlert error={lastError} />
        </div>
      ) : null}
    </div>
  );
}

/**
 * "Refresh now": reads the space's numbers (or, `kind="details"`, its numbers' keys and QR codes;
 * with `phoneNumber`, that number's only) from CAMS at once (capped per user by the server), then
 * refetches the views that show them.
 */
const noop = () => () => {};
/** False in the server's HTML and until hydration: a click before then would do nothing. */
const useHydrated = () => useSyncExternalStore(noop, () => true, () => false);

export function RefreshNowButton({ spaceId, kind = "numbers", phoneNumber }: { spaceId: string; kind?: InventoryKind; phoneNumber?: string }) {
  const t = useTranslations("inventory");
  const qc = useQueryClient();
  const toastError = useToastActionError();
  const refresh = useAction(refreshSpaceInventoryAction);
  const hydrated = useHydrated();
  const run = async () => {
    const r = await refresh.executeAsync({ spaceId, kind, phoneNumber });
    if (r?.data) toast.success(t(r.data.queued ? "refreshQueued" : kind === "details" ? "refreshedDetails" : "refreshed", { count: r.data.numbers }));
    else toastError(r?.serverError);
    // Either way the views ask the inventory again (no CAMS call): new data, or the failure kept
    // on the space (its last data, marked stale, with the explained error).
    const views = kind === "details" ? [encryptionKeyKeys.all, qrCodeKeys.all] : [phoneNumberKeys.all, webhookKeys.all];
    await Promise.all(views.map((queryKey) => qc.invalidateQueries({ queryKey })));
  };
  return (
    <Button type="button" variant="outline" size="sm" onClick={run} disabled={!hydrated || refresh.isExecuting} aria-busy={refresh.isExecuting || undefined} data-testid="refresh-now">
      <RotateCw className={refresh.isExecuting ? "animate-spin" : undefined} aria-hidden="true" />
      {t("refreshNow")}
    </Button>
  );
}
