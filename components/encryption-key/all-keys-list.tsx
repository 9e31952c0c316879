"use client";

import { ChevronLeft, ChevronRight, PhoneOff } from "lucide-react";
import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { useAllKeysPage, useEncryptionKeys } from "@/components/encryption-key/queries";
import { KeysSummary } from "@/components/encryption-key/keys-summary";
import { KeysTable, type KeyListRow } from "@/components/encryption-key/keys-table";
import { AsOf } from "@/components/inventory/as-of";
import { FailedSpaces, type Failed } from "@/components/phone-numbers/failed-spaces";
import { ReadErrorPanel, readErrorOf } from "@/components/read-error";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { allKeysPageSchema, isKnownUnverified, KEY_PAGE_SIZE } from "@/lib/schemas/encryption-keys";

/**
 * "All spaces": the server pages every readable space's numbers with their stored keys in SQL and
 * sends one page; only a number on it the inventory has no key for yet is asked about on its own.
 */
export function AllKeysList() {
  const t = useTranslations("encryptionKeys.list");
  const [pageNo, setPage] = useState(1);
  const page = useAllKeysPage(allKeysPageSchema.parse({ page: pageNo }));
  const data = page.data;
  const rows = useMemo<KeyListRow[]>(() => data?.rows.map((r) => ({ ...r, skip: !!r.result || isKnownUnverified(r.codeVerificationStatus) })) ?? [], [data]);
  const keys = useEncryptionKeys(rows);
  const failed = useMemo<Failed[]>(
    () =>
      data?.failed.map((f): Failed => (f.ok ? { spaceId: f.spaceId, spaceName: f.spaceName, ok: false, error: f.lastError, stale: true } : f)) ?? [],
    [data],
  );
  const error = readErrorOf(page.error);
  const refetch = () => void page.refetch();

  let body: React.ReactNode;
  if (error && !data) body = <ReadErrorPanel error={error} onRetry={refetch} retrying={page.isFetching} />;
  else if (!data) {
    body = (
      <div className="space-y-2" role="status" aria-label={t("loading")}>
        {Array.from({ length: 6 }, (_, i) => (
          <Skeleton key={i} className="h-12 w-full" />
        ))}
      </div>
    );
  } else if (rows.length === 0) body = <EmptyState icon={<PhoneOff />} title={t("emptyTitle")} description={t("emptyBodyAll")} />;
  else body = <KeysTable rows={rows} keys={keys} showSpace />;

  return (
    <div className="space-y-4">
      <KeysSummary rows={rows} keys={keys} />
      {data?.observedAt ? <AsOf observedAt={data.observedAt} /> : null}
      {data ? <FailedSpaces failed={failed} total={data.spaces} onRetry={refetch} retrying={page.isFetching} /> : null}
      {error && data ? <ReadErrorPanel error={error} onRetry={refetch} retrying={page.isFetching} /> : null}
      {body}
      {data && data.pages > 1 ? (
        <nav className="flex items-center justify-end gap-2 text-sm" aria-label={t("pagination")} aria-busy={page.isPlaceholderData || undefined}>
          <span className="text-muted-foreground" data-testid="keys-count">
            {t("showing", { from: (data.page - 1) * KEY_PAGE_SIZE + 1, to: (data.page - 1) * KEY_PAGE_SIZE + data.rows.length, total: data.total })}
          </span>
          <span className="text-muted-foreground">{t("pageOf", { page: data.page, pages: data.pages })}</span>
          <Button variant="outline" size="icon" onClick={() => setPage(data.page - 1)} disabled={data.page <= 1} aria-label={t("previous")}>
            <ChevronLeft aria-hidden="true" />
          </Button>
          <Button variant="outline" size="icon" onClick={() => setPage(data.page + 1)} disabled={data.page >= data.pages} aria-label={t("next")}>
            <ChevronRight aria-hidden="true" />
          </Button>
        </nav>
      ) : null}
    </div>
  );
}
