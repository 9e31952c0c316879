"use client";

import { ChevronLeft, ChevronRight, PhoneOff } from "lucide-react";
import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { useEncryptionKeys, useKeyNumbersOf } from "@/components/encryption-key/queries";
import { AsOf, RefreshNowButton } from "@/components/inventory/as-of";
import { ReadErrorPanel, readErrorOf } from "@/components/read-error";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { isKnownUnverified } from "@/lib/schemas/encryption-keys";
import { KeysSummary } from "@/components/encryption-key/keys-summary";
import { KeysTable, type KeyListRow } from "@/components/encryption-key/keys-table";

/**
 * Rows per page. Keys come with the list from the inventory; only a visible number the inventory
 * has no key for yet is asked about on its own.
 */
const PAGE_SIZE = 50;

export function KeysList({ spaces, showSpace }: { spaces: { id: string; name: string }[]; showSpace: boolean }) {
  const t = useTranslations("encryptionKeys.list");
  const [page, setPage] = useState(0);
  const lists = useKeyNumbersOf(spaces.map((s) => s.id));

  const rows = useMemo<KeyListRow[]>(
    () =>
      spaces.flatMap((s, i) =>
        (lists[i]?.data?.numbers ?? []).map((n) => ({ ...n, spaceId: s.id, spaceName: s.name, skip: !!n.result || isKnownUnverified(n.codeVerificationStatus) })),
      ),
    [spaces, lists],
  );
  const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
  const current = Math.min(page, pages - 1);
  const visible = useMemo(() => rows.slice(current * PAGE_SIZE, (current + 1) * PAGE_SIZE), [rows, current]);
  const keys = useEncryptionKeys(visible);

  const loading = lists.some((q) => q.isPending);
  const failed = spaces.map((s, i) => ({ space: s, query: lists[i]! })).filter((f) => f.query.error);
  const single = spaces.length === 1 && !showSpace ? lists[0]?.data : undefined;

  return (
    <div className="space-y-4">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
        <KeysSummary rows={visible} keys={keys} />
        {spaces.length === 1 && !showSpace ? <RefreshNowButton spaceId={spaces[0]!.id} kind="details" /> : null}
      </div>
      {single?.observedAt ? <AsOf observedAt={single.observedAt} stale={single.stale} lastError={single.lastError} /> : null}

      {failed.map(({ space, query }) => (
        <div key={space.id} className="space-y-2">
          {showSpace ? <h2 className="text-sm font-medium">{space.name}</h2> : null}
          <ReadErrorPanel error={readErrorOf(query.error)!} onRetry={() => void query.refetch()} retrying={query.isFetching} />
        </div>
      ))}

      {loading && rows.length === 0 ? (
        <div className="space-y-2" role="status" aria-label={t("loading")}>
          {Array.from({ length: 6 }, (_, i) => (
            <Skeleton key={i} className="h-12 w-full" />
          ))}
        </div>
      ) : rows.length === 0 && failed.length === 0 ? (
        <EmptyState icon={<PhoneOff />} title={t("emptyTitle")} description={t("emptyBody")} />
      ) : rows.length > 0 ? (
        <KeysTable rows={visible} keys={keys} showSpace={showSpace} />
      ) : null}

      {pages > 1 ? (
        <nav className="flex items-center justify-end gap-2 text-sm" aria-label={t("pagination")}>
          <span className="text-muted-foreground">{t("pageOf", { page: current + 1, pages })}</span>
          <Button variant="outline" size="icon" onClick={() => setPage(current - 1)} disabled={current === 0} aria-label={t("previous")}>
            <ChevronLeft aria-hidden="true" />
          </Button>
          <Button variant="outline" size="icon" onClick={() => setPage(current + 1)} disabled={current >= pages - 1} aria-label={t("next")}>
            <ChevronRight aria-hidden="true" />
          </Button>
        </nav>
      ) : null}
    </div>
  );
}
