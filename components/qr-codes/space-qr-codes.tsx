"use client";

import { QrCode } from "lucide-react";
import { useTranslations } from "next-intl";
import { useQueryStates } from "nuqs";
import { useDeferredValue, useMemo } from "react";
import { AsOf, RefreshNowButton } from "@/components/inventory/as-of";
import { ReadErrorPanel, readErrorOf } from "@/components/read-error";
import { EmptyState, NoMatchState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { MAX_QR_PER_NUMBER } from "@/lib/schemas/qr-codes";
import { LoadProgress, NumberFailures } from "./load-status";
import { NumberFilter } from "./number-filter";
import { Pagination } from "@/components/pagination";
import { CreateQrCodeButton, createBlock } from "./qr-code-actions";
import { useDataTable } from "@/components/use-data-table";
import { LIST_URL_OPTIONS, SEARCH_URL_UPDATES } from "@/lib/url-state";
import { qrColumns, qrListParsers, searchCodes } from "./qr-filter";
import { QrTable } from "./qr-table";
import { oldestAsOf, useSpaceQrCodes, type QrRow } from "./queries";
import { SearchBox } from "./search-box";

const PAGE_SIZE = 25;
const columns = qrColumns<QrRow>();

/** A space's "QR codes" page: every code of every verified number of the space (All spaces: all-spaces-qr-codes.tsx). */
export function SpaceQrCodes({ spaceId, canWrite }: { spaceId: string; canWrite: boolean }) {
  const t = useTranslations("qrCodes.list");
  const { numbers, numbersQuery, loads, rows, failed, pending, refetchFailed } = useSpaceQrCodes(spaceId);
  // Search, number filter and page live in the URL; a new search or filter starts from page 1.
  const [view, setView] = useQueryStates(qrListParsers, LIST_URL_OPTIONS);
  const q = useDeferredValue(view.q);

  const paged = useDataTable({ data: rows, columns, search: q, globalFilterFn: searchCodes, filters: { number: view.number }, page: view.page, pageSize: PAGE_SIZE });
  const choices = useMemo(
    () =>
      loads
        .filter((l) => l.query.data && !l.query.data.notVerified)
        .map((l) => {
          const count = l.query.data!.codes.length;
          return { phoneNumber: l.number.phoneNumber, verifiedName: l.number.verifiedName, count, full: count >= MAX_QR_PER_NUMBER };
        }),
    [loads],
  );
  const block = createBlock({ loading: !numbers || pending > 0, choices });
  const listError = readErrorOf(numbersQuery.error);
  const asOf = useMemo(() => oldestAsOf(loads.map((l) => l.query.data)), [loads]);

  let body: React.ReactNode;
  if (listError && !numbers) {
    body = <ReadErrorPanel error={listError} onRetry={() => void numbersQuery.refetch()} retrying={numbersQuery.isFetching} />;
  } else if (!numbers || (rows.length === 0 && pending > 0)) {
    body = (
      <div className="space-y-2 rounded-lg border p-3" role="status" aria-label={t("loading")}>
        {Array.from({ length: 6 }, (_, i) => (
          <Skeleton key={i} className="h-10 w-full" />
        ))}
      </div>
    );
  } else if (rows.length === 0) {
    body = <EmptyState icon={<QrCode />} title={t("emptyTitle")} description={numbers.length ? t("emptyBody") : t("noVerifiedNumbers")} />;
  } else if (paged.total === 0) {
    body = (
      <NoMatchState
        title={t("noMatchTitle")}
        description={t("noMatchBody")}
        clearLabel={t("clearFilters")}
        onClear={() => void setView({ q: null, number: null, page: null })}
      />
    );
  } else {
    body = (
      <div className="space-y-3">
        <QrTable rows={paged.rows} showSpace={false} canWrite={() => canWrite} />
        <Pagination page={paged.page} pages={paged.pages} total={paged.total} pageSize={PAGE_SIZE} onPage={(page) => void setView({ page })} messages="qrCodes.list" countTestId="qr-count" />
      </div>
    );
  }

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-start gap-2">
        <SearchBox value={view.q} onChange={(v) => void setView({ q: v, page: null }, SEARCH_URL_UPDATES)} className="w-full max-w-sm" />
        <NumberFilter loads={loads} value={view.number} onChange={(v) => void setView({ number: v, page: null })} showSpace={false} />
        <RefreshNowButton spaceId={spaceId} kind="details" />
        {canWrite ? (
          <div className="ml-auto">
            <CreateQrCodeButton spaceId={spaceId} choices={choices} block={block} />
          </div>
        ) : null}
      </div>
      {asOf ? <AsOf {...asOf} /> : null}
      {numbers && pending > 0 ? <LoadProgress done={loads.length - pending} total={loads.length} /> : null}
      <NumberFailures failed={failed} onRetry={refetchFailed} />
      {listError && numbers ? <ReadErrorPanel error={listError} onRetry={() => void numbersQuery.refetch()} retrying={numbersQuery.isFetching} /> : null}
      {body}
    </div>
  );
}
