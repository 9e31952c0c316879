"use client";

import { useTranslations } from "next-intl";
import { AsOf, RefreshNowButton } from "@/components/inventory/as-of";
import { ReadErrorPanel, readErrorOf } from "@/components/read-error";
import { Card, CardAction, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import type { EncryptionKeyResponse } from "@/lib/schemas/encryption-keys";
import { KeyFacts, LastChange } from "./key-details";
import { KeyGenerateDialog } from "./key-generate-dialog";
import { KeyStatusBadge, KeyStatusHelp } from "./key-status";
import { KeyUpdateForm } from "./key-update-form";
import { useEncryptionKey, useRefreshKeys } from "./queries";

/**
 * The number's "Encryption key" tab: what CAMS holds (the inventory's copy, with its "as of" and
 * Refresh now for this number), what it means, and (for operators) how to change it.
 */
export function EncryptionKeyPanel({ spaceId, phone, canWrite }: { spaceId: string; phone: string; canWrite: boolean }) {
  const t = useTranslations("encryptionKeys");
  const query = useEncryptionKey(spaceId, phone);
  const refresh = useRefreshKeys();
  const data = query.data;
  const error = readErrorOf(query.error);
  const onRefresh = () => void query.refetch();

  let current: React.ReactNode;
  if (error && !data) current = <ReadErrorPanel error={error} onRetry={onRefresh} retrying={query.isFetching} />;
  else if (!data) current = <CurrentSkeleton label={t("details.loading")} />;
  else current = <Current data={data} overviewHref={`/s/${spaceId}/phone-numbers/${phone}`} />;

  const currentFingerprint = data?.result.state === "key" ? data.result.key.fingerprint : null;
  const updatable = data && data.result.state !== "notVerified";
  return (
    <div className="space-y-6">
      <Card>
        <CardHeader>
          <CardTitle asHeading="h2">{t("details.title")}</CardTitle>
          <CardDescription>{data?.observedAt ? <AsOf observedAt={data.observedAt} stale={data.stale} lastError={data.lastError} /> : t("details.description")}</CardDescription>
          <CardAction>
            <RefreshNowButton spaceId={spaceId} kind="details" phoneNumber={phone} />
          </CardAction>
        </CardHeader>
        <CardContent>{current}</CardContent>
      </Card>

      {canWrite && updatable ? (
        <Card>
          <CardHeader>
            <CardTitle asHeading="h2">{t("update.title")}</CardTitle>
            <CardDescription>{t("update.description")}</CardDescription>
            <CardAction>
              <KeyGenerateDialog spaceId={spaceId} phone={phone} currentFingerprint={currentFingerprint} onUpdated={() => void refresh.changed(spaceId, phone)} />
            </CardAction>
          </CardHeader>
          <CardContent>
            <KeyUpdateForm spaceId={spaceId} phone={phone} currentFingerprint={currentFingerprint} onUpdated={() => void refresh.changed(spaceId, phone)} />
          </CardContent>
        </Card>
      ) : null}
      {!canWrite ? <p className="text-sm text-muted-foreground" data-testid="read-only-note">{t("update.readOnly")}</p> : null}
    </div>
  );
}

function Current({ data, overviewHref }: { data: EncryptionKeyResponse; overviewHref: string }) {
  const t = useTranslations("encryptionKeys.details");
  const { result } = data;
  return (
    <div className="space-y-4" data-testid="current-key">
      <div className="flex items-center gap-2">
        <span className="text-sm text-muted-foreground">{t("status")}</span>
        <KeyStatusBadge result={result} />
      </div>
      <KeyStatusHelp result={result} overviewHref={overviewHref} />
      <dl className="space-y-3 text-sm">
        {result.state === "key" ? <KeyFacts keyInfo={result.key} /> : null}
        <div className="grid gap-1 sm:grid-cols-[12rem_1fr]">
          <dt className="text-muted-foreground">{t("lastChanged")}</dt>
          <dd>
            <LastChange change={data.lastChange} currentFingerprint={result.state === "key" ? result.key.fingerprint : null} />
          </dd>
        </div>
      </dl>
    </div>
  );
}

function CurrentSkeleton({ label }: { label: string }) {
  return (
    <div className="space-y-4" role="status" aria-label={label}>
      <Skeleton className="h-6 w-32" />
      <Skeleton className="h-20 w-full" />
      <Skeleton className="h-4 w-2/3" />
      <Skeleton className="h-4 w-1/2" />
    </div>
  );
}
