"use client";

import { Info, QrCode, RotateCw, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { useQueryStates } from "nuqs";
import { useDeferredValue, useMemo } from "react";
import { AsOf } from "@/components/inventory/as-of";
import { Pagination } from "@/components/pagination";
import { ReadErrorPanel, readErrorOf } from "@/components/read-error";
import { Button } from "@/components/ui/button";
import { EmptyState, NoMatchState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { formatPhoneNumber } from "@/lib/phone";
import { allQrPageSchema, QR_PAGE_SIZE } from "@/lib/schemas/qr-codes";
import { LIST_URL_OPTIONS, SEARCH_URL_UPDATES } from "@/lib/url-state";
import { SpaceFailures } from "./load-status";
import { qrListParsers } from "./qr-filter";
import { QrTable } from "./qr-table";
import { useAllQrPage } from "./queries";
import { SearchBox } from "./search-box";

/**
 * The All-spaces QR page: the server searches, filters and pages every readable space's stored
 * codes in SQL and sends one page (no request per number), whatever the number of spaces. The
 * number filter comes from a link ("spaceId:phone"); the search box also matches numbers.
 */
export function AllSpacesQrCodes() {
  const t = useTranslations("qrCodes.list");
  const [view, setView] = useQueryStates(qrListParsers, LIST_URL_OPTIONS);
  const q = useDeferredValue(view.q);
  const query = allQrPageSchema.parse({ q, number: view.number, page: view.page });
  const page = useAllQrPage(query);
  const data = page.data;
  const failed = useMemo(() => data?.failed.map((f) => ({ spaceName: f.spaceName, error: f.ok ? f.lastError : f.error })) ?? [], [data]);
  const error = readErrorOf(page.error);
  const filtered = view.q !== "" || view.number !== "";
  const clear = () => void setView({ q: null, number: null, page: null });

  let body: React.ReactNode;
  if (error && !data) {
    body = <ReadErrorPanel error={error} onRetry={() => void page.refetch()} retrying={page.isFetching} />;
  } else if (!data) {
    body = (
      <div className="space-y-2 rounded-lg border p-3" role="status" aria-label={t("loading")} data-testid="qr-loading">
        {Array.from({ length: 6 }, (_, i) => (
          <Skeleton key={i} className="h-10 w-full" />
        ))}
      </div>
    );
  } else if (data.total === 0 && !filtered) {
    body = <EmptyState icon={<QrCode />} title={t("emptyTitle")} description={t("emptyBodyAll")} />;
  } else if (data.total === 0) {
    body = <NoMatchState title={t("noMatchTitle")} description={t("noMatchBody")} clearLabel={t("clearFilters")} onClear={clear} />;
  } else {
    body = (
      <div className="space-y-3" aria-busy={page.isFetching || q !== view.q || undefined}>
        <QrTable rows={data.rows} showSpace canWrite={(r) => r.canWrite} />
        <Pagination page={data.page} pages={data.pages} total={data.total} pageSize={QR_PAGE_SIZE} onPage={(p) => void setView({ page: p })} messages="qrCodes.list" countTestId="qr-count" />
      </div>
    );
  }

  const numberPhone = view.number.includes(":") ? view.number.slice(view.number.indexOf(":") + 1) : view.number;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-start gap-2">
        <SearchBox value={view.q} onChange={(v) => void setView({ q: v, page: null }, SEARCH_URL_UPDATES)} className="w-full max-w-sm" />
        {view.number ? (
          <Button variant="secondary" onClick={() => void setView({ number: null, page: null })} data-testid="qr-number-filtered">
            {t("numberFiltered", { phone: formatPhoneNumber(numberPhone) })}
            <X aria-hidden="true" />
          </Button>
        ) : null}
        <Button variant="outline" size="icon" onClick={() => void page.refetch()} disabled={page.isFetching} aria-label={t("refresh")} title={t("refresh")}>
          <RotateCw className={page.isFetching ? "animate-spin" : undefined} aria-hidden="true" />
        </Button>
      </div>
      {data?.observedAt ? <AsOf observedAt={data.observedAt} /> : null}
      {data && data.unread > 0 ? (
        <p className="flex items-center gap-2 text-sm text-muted-foreground" data-testid="qr-unread">
          <Info className="size-4" aria-hidden="true" />
          {t("unread", { count: data.unread })}
        </p>
      ) : null}
      <SpaceFailures failed={failed} />
      {error && data ? <ReadErrorPanel error={error} onRetry={() => void page.refetch()} retrying={page.isFetching} /> : null}
      {body}
    </div>
  );
}
