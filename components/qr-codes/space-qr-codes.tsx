"use client";

import { useQueryClient } from "@tanstack/react-query";
import { QrCode, RotateCw, SearchX } from "lucide-react";
import { useTranslations } from "next-intl";
import { useDeferredValue, useMemo, useState } from "react";
import { ReadErrorPanel, readErrorOf } from "@/components/read-error";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { qrCodeKeys } from "@/lib/query-keys";
import { MAX_QR_PER_NUMBER } from "@/lib/schemas/qr-codes";
import { LoadProgress, NumberFailures, SpaceFailures } from "./load-status";
import { NumberFilter } from "./number-filter";
import { Pagination } from "@/components/pagination";
import { CreateQrCodeButton, createBlock } from "./qr-code-actions";
import { filterCodes, pageOf } from "./qr-filter";
import { QrTable } from "./qr-table";
import { useSpaceQrCodes } from "./queries";
import { SearchBox } from "./search-box";

const PAGE_SIZE = 25;

/** The "QR codes" page: every code of every verified number of the space (or of every readable space). */
export function SpaceQrCodes({ spaceId, writableSpaceIds }: { spaceId: string; writableSpaceIds: string[] }) {
  const t = useTranslations("qrCodes.list");
  const qc = useQueryClient();
  const all = spaceId === "all";
  const { numbers, numbersQuery, loads, rows, failed, pending, refetchFailed, failedSpaces } = useSpaceQrCodes(spaceId);
  const [search, setSearch] = useState("");
  const [number, setNumber] = useState("");
  const [page, setPage] = useState(1);
  const q = useDeferredValue(search);
  const writable = useMemo(() => new Set(writableSpaceIds), [writableSpaceIds]);

  const filtered = useMemo(() => filterCodes(rows, q, number), [rows, q, number]);
  const paged = pageOf(filtered, page, PAGE_SIZE);
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
  const canCreate = !all && writable.has(spaceId);
  const block = createBlock({ loading: !numbers || pending > 0, choices });
  const listError = readErrorOf(numbersQuery.error);
  const refreshing = numbersQuery.isFetching || pending > 0;
  const refresh = () => {
    void numbersQuery.refetch();
    void qc.invalidateQueries({ queryKey: qrCodeKeys.numbers() });
  };
  const reset = (patch: () => void) => {
    patch();
    setPage(1);
  };

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
  } else if (filtered.length === 0) {
    body = (
      <EmptyState
        icon={<SearchX />}
        title={t("noMatchTitle")}
        description={t("noMatchBody")}
        action={
          <Button variant="outline" onClick={() => reset(() => (setSearch(""), setNumber("")))}>
            {t("clearFilters")}
          </Button>
        }
      />
    );
  } else {
    body = (
      <div className="space-y-3">
        <QrTable rows={paged.rows} showSpace={all} canWriteIn={(id) => writable.has(id)} />
        <Pagination page={paged.page} pages={paged.pages} total={filtered.length} pageSize={PAGE_SIZE} onPage={setPage} messages="qrCodes.list" countTestId="qr-count" />
      </div>
    );
  }

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-start gap-2">
        <SearchBox value={search} onChange={(v) => reset(() => setSearch(v))} className="w-full max-w-sm" />
        <NumberFilter loads={loads} value={number} onChange={(v) => reset(() => setNumber(v))} showSpace={all} />
        <Button variant="outline" size="icon" onClick={refresh} disabled={refreshing} aria-label={t("refresh")} title={t("refresh")}>
          <RotateCw className={refreshing ? "animate-spin" : undefined} aria-hidden="true" />
        </Button>
        {canCreate ? (
          <div className="ml-auto">
            <CreateQrCodeButton spaceId={spaceId} choices={choices} block={block} />
          </div>
        ) : null}
      </div>
      {numbers && pending > 0 ? <LoadProgress done={loads.length - pending} total={loads.length} /> : null}
      <SpaceFailures failed={failedSpaces} />
      <NumberFailures failed={failed} onRetry={refetchFailed} />
      {listError && numbers ? <ReadErrorPanel error={listError} onRetry={() => void numbersQuery.refetch()} retrying={numbersQuery.isFetching} /> : null}
      {body}
    </div>
  );
}
