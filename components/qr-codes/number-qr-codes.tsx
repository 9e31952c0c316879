"use client";

import { QrCode, ShieldAlert } from "lucide-react";
import { useTranslations } from "next-intl";
import { useQueryStates } from "nuqs";
import { useDeferredValue } from "react";
import { AsOf, RefreshNowButton } from "@/components/inventory/as-of";
import { usePhoneDetail } from "@/components/phone-numbers/queries";
import { ReadErrorPanel, readErrorOf } from "@/components/read-error";
import { EmptyState, NoMatchState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { MAX_QR_PER_NUMBER, type QrCodeDto } from "@/lib/schemas/qr-codes";
import { Pagination } from "@/components/pagination";
import { CreateQrCodeButton, createBlock } from "./qr-code-actions";
import { QrCodeCard } from "./qr-code-card";
import { useDataTable } from "@/components/use-data-table";
import { LIST_URL_OPTIONS, SEARCH_URL_UPDATES } from "@/lib/url-state";
import { qrColumns, qrSearchParsers, searchCodes } from "./qr-filter";
import { useNumberQrCodes } from "./queries";
import { SearchBox } from "./search-box";

const PAGE_SIZE = 12;
const columns = qrColumns<QrCodeDto>();
const NONE: QrCodeDto[] = [];

/** The number's "QR codes" tab: its codes as cards, searchable, twelve to a page. */
export function NumberQrCodes({ spaceId, phone, canWrite }: { spaceId: string; phone: string; canWrite: boolean }) {
  const t = useTranslations("qrCodes");
  const query = useNumberQrCodes(spaceId, phone);
  const detail = usePhoneDetail(spaceId, phone);
  const businessName = detail.data?.verifiedName ?? null;
  // Search and page live in the URL, as on the space's QR codes page.
  const [view, setView] = useQueryStates(qrSearchParsers, LIST_URL_OPTIONS);
  const q = useDeferredValue(view.q);

  const codes = query.data?.codes;
  const paged = useDataTable({ data: codes ?? NONE, columns, search: q, globalFilterFn: searchCodes, page: view.page, pageSize: PAGE_SIZE });
  const count = codes?.length ?? 0;
  const choices = [{ phoneNumber: phone, verifiedName: businessName, count, full: count >= MAX_QR_PER_NUMBER }];
  const block = createBlock({ loading: !query.data, notVerified: query.data?.notVerified, choices });
  const error = readErrorOf(query.error);
  const refetch = () => void query.refetch();

  let body: React.ReactNode;
  if (error && !codes) {
    body = <ReadErrorPanel error={error} onRetry={refetch} retrying={query.isFetching} />;
  } else if (!query.data) {
    body = <CardsSkeleton label={t("list.loading")} />;
  } else if (query.data.notVerified) {
    body = <EmptyState titleAs="h3" icon={<ShieldAlert />} title={t("number.notVerifiedTitle")} description={t("number.notVerifiedBody")} />;
  } else if (count === 0) {
    body = <EmptyState titleAs="h3" icon={<QrCode />} title={t("number.emptyTitle")} description={canWrite ? t("number.emptyBody") : t("number.emptyBodyViewer")} />;
  } else if (paged.total === 0) {
    body = (
      <NoMatchState
        titleAs="h3"
        title={t("list.noMatchTitle")}
        description={t("list.noMatchBody")}
        clearLabel={t("list.clearSearch")}
        onClear={() => void setView({ q: null, page: null })}
      />
    );
  } else {
    body = (
      <div className="space-y-4">
        <div className="grid gap-4 md:grid-cols-2 2xl:grid-cols-3" data-testid="qr-cards">
          {paged.rows.map((c) => (
            <QrCodeCard key={c.qrdlCode} spaceId={spaceId} code={c} businessName={businessName} canWrite={canWrite} />
          ))}
        </div>
        <Pagination page={paged.page} pages={paged.pages} total={paged.total} pageSize={PAGE_SIZE} onPage={(page) => void setView({ page })} messages="qrCodes.list" countTestId="qr-count" />
      </div>
    );
  }

  return (
    <section className="space-y-4" aria-labelledby="number-qr-heading">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0 space-y-1">
          <h2 id="number-qr-heading" className="text-lg font-semibold">
            {t("number.title")}
          </h2>
          <p className="max-w-2xl text-sm text-muted-foreground">{t("number.description")}</p>
          {query.data && !query.data.notVerified ? (
            <p className="text-sm text-muted-foreground tabular-nums" data-testid="qr-usage">
              {t("number.usage", { count, max: MAX_QR_PER_NUMBER })}
            </p>
          ) : null}
        </div>
        {canWrite ? <CreateQrCodeButton spaceId={spaceId} phone={phone} choices={choices} block={block} /> : null}
      </div>
      {count > 0 ? (
        <div className="flex items-center gap-2">
          <SearchBox
            value={view.q}
            onChange={(v) => void setView({ q: v, page: null }, SEARCH_URL_UPDATES)}
            className="w-full max-w-sm"
          />
        </div>
      ) : null}
      <div className="flex flex-wrap items-start justify-between gap-2">
        {query.data?.observedAt ? <AsOf observedAt={query.data.observedAt} stale={query.data.stale} lastError={query.data.lastError} /> : <span />}
        <RefreshNowButton spaceId={spaceId} kind="details" phoneNumber={phone} />
      </div>
      {error && codes ? <ReadErrorPanel error={error} onRetry={refetch} retrying={query.isFetching} /> : null}
      {body}
    </section>
  );
}

function CardsSkeleton({ label }: { label: string }) {
  return (
    <div className="grid gap-4 md:grid-cols-2 2xl:grid-cols-3" role="status" aria-label={label}>
      {Array.from({ length: 2 }, (_, i) => (
        <Skeleton key={i} className="h-80 w-full rounded-xl" />
      ))}
    </div>
  );
}
