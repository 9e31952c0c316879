"use client";

import { useQueryClient } from "@tanstack/react-query";
import { RotateCw } from "lucide-react";
import { useAction } from "next-safe-action/hooks";
import { useFormatter, useNow, useTranslations } from "next-intl";
import { useToastActionError } from "@/components/action-error";
import { readErrorOf, ReadErrorPanel } from "@/components/read-error";
import { Button } from "@/components/ui/button";
import { Card, CardAction, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { profileKeys } from "@/lib/query-keys";
import { checkHealthAction } from "@/server/actions/profile";
import { HealthBadge } from "./health-badge";
import { useHealth } from "./queries";

/**
 * The number's health (GetWhatsappHealthStatus): overall CanSendMessage, each entity's state and
 * every error with its code, description and possible solution, and when it was checked.
 */
export function HealthPanel({ spaceId, phone }: { spaceId: string; phone: string }) {
  const t = useTranslations("profile.health");
  const format = useFormatter();
  const now = useNow({ updateInterval: 15_000 });
  const qc = useQueryClient();
  const toastError = useToastActionError();
  const q = useHealth(spaceId, phone);
  const check = useAction(checkHealthAction, {
    onSuccess: ({ data }) => data && qc.setQueryData(profileKeys.health(spaceId, phone), data),
    onError: ({ error }) => toastError(error.serverError),
  });
  const h = q.data?.health;
  return (
    <Card data-testid="health-panel">
      <CardHeader>
        <CardTitle asHeading="h2">{t("title")}</CardTitle>
        <CardDescription>{t("description")}</CardDescription>
        <CardAction>
          <Button
            type="button"
            variant="outline"
            size="sm"
            onClick={() => check.execute({ spaceId, phoneNumber: phone })}
            disabled={check.isPending}
            aria-busy={check.isPending || undefined}
          >
            <RotateCw className={check.isPending ? "animate-spin" : undefined} aria-hidden="true" />
            {t("checkNow")}
          </Button>
        </CardAction>
      </CardHeader>
      <CardContent className="space-y-4">
        {q.isPending ? <Skeleton className="h-16 w-full" /> : null}
        {q.isError ? <ReadErrorPanel error={readErrorOf(q.error)!} onRetry={() => q.refetch()} retrying={q.isFetching} /> : null}
        {q.isSuccess && !h ? <p className="text-sm text-muted-foreground">{t("none")}</p> : null}
        {h ? (
          <>
            <div className="flex flex-wrap items-center gap-3">
              <span className="text-sm text-muted-foreground">{t("overall")}</span>
              <span data-testid="health-overall">
                <HealthBadge value={h.status.canSendMessage} />
              </span>
              {/* "… ago" is counted again at hydration: a differing text must not redraw the tab (as-of.tsx). */}
              <time className="text-xs text-muted-foreground" dateTime={h.checkedAt} data-testid="health-checked-at" suppressHydrationWarning>
                {t("checkedAt", { time: format.dateTime(new Date(h.checkedAt), { dateStyle: "medium", timeStyle: "medium" }), ago: format.relativeTime(new Date(h.checkedAt), now) })}
              </time>
            </div>
            <ul className="divide-y rounded-md border" aria-label={t("entities")}>
              {h.status.entities.map((e, i) => (
                <li key={`${e.entityType}-${i}`} className="space-y-2 p-3" data-testid="health-entity" data-entity={e.entityType ?? ""}>
                  <div className="flex flex-wrap items-center gap-2">
                    <span className="text-sm font-medium">{e.entityType && t.has(`entity.${e.entityType}`) ? t(`entity.${e.entityType}`) : (e.entityType ?? "—")}</span>
                    <HealthBadge value={e.canSendMessage} />
                  </div>
                  {e.errors.map((err, j) => (
                    <div key={j} className="space-y-1 rounded-md bg-muted/50 p-2 text-sm" data-testid="health-error">
                      <p>
                        <span className="text-muted-foreground">{t("errorCode")} </span>
                        <code className="font-mono">{err.errorCode ?? "—"}</code>
                      </p>
                      <p className="break-words">{err.errorDescription ?? "—"}</p>
                      <p className="break-words">
                        <span className="font-medium">{t("solution")} </span>
                        {err.possibleSolution ?? "—"}
                      </p>
                    </div>
                  ))}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </CardContent>
    </Card>
  );
}
