"use client";

import { Info, RotateCw } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { ActionErrorAlert } from "@/components/action-error";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { AccountWebhookForm } from "./account-webhook-form";
import { useAccountWebhook } from "./queries";
import { readErrorOf } from "@/components/read-error";

/**
 * Space settings: the account-level webhook. CAMS has no operation to read it, so the page says
 * plainly that it shows the last value saved from CAMS Admin, by whom and when.
 */
export function AccountWebhookPanel({ spaceId, canWrite }: { spaceId: string; canWrite: boolean }) {
  const t = useTranslations("webhooks.space");
  const tc = useTranslations("common");
  const format = useFormatter();
  const query = useAccountWebhook(spaceId);
  if (query.error && !query.data) {
    return (
      <div className="space-y-3">
        <ActionErrorAlert error={readErrorOf(query.error)} />
        <Button variant="outline" size="sm" onClick={() => void query.refetch()}>
          <RotateCw aria-hidden="true" />
          {tc("retry")}
        </Button>
      </div>
    );
  }
  if (!query.data) return <Skeleton className="h-96" aria-busy="true" aria-label={tc("loading")} />;
  const state = query.data.state;
  return (
    <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
      <AccountWebhookForm key={state?.savedAt ?? "none"} spaceId={spaceId} state={state} canWrite={canWrite} />
      <Alert data-testid="account-webhook-provenance">
        <Info aria-hidden="true" />
        <AlertTitle>{t("provenanceTitle")}</AlertTitle>
        <AlertDescription>
          <p>{t("noReadBack")}</p>
          {state ? (
            <p>
              {t("lastSaved", { user: state.savedBy, time: format.dateTime(new Date(state.savedAt), { dateStyle: "medium", timeStyle: "short" }) })}
              {state.requestId ? (
                <span className="mt-1 block font-mono text-xs break-all">
                  {tc("requestId")}: {state.requestId}
                </span>
              ) : null}
            </p>
          ) : (
            <p>{t("neverSaved")}</p>
          )}
        </AlertDescription>
      </Alert>
    </div>
  );
}
