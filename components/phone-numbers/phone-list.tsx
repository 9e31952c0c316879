"use client";

import { PhoneOff } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useCallback, useDeferredValue, useMemo } from "react";
import { byNumber, listColumns, PAGE_SIZE, searchRows, type ListRow } from "@/components/phone-numbers/list-columns";
import { allSpacesPageQueryOf, useAllSpacesPage, usePhoneList } from "@/components/phone-numbers/queries";
import { ReadErrorPanel, readErrorOf } from "@/components/read-error";
import { EmptyState, NoMatchState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { FailedSpaces, type Failed } from "@/components/phone-numbers/failed-spaces";
import { Pagination } from "@/components/pagination";
import { ListTable } from "@/components/phone-numbers/list-table";
import { ListToolbar } from "@/components/phone-numbers/list-toolbar";
import { AsOf, RefreshNowButton } from "@/components/inventory/as-of";
import { useListState, type ListState } from "@/components/phone-numbers/use-list-state";
import { useDataTable } from "@/components/use-data-table";

const EMPTY: ListRow[] = [];
const NO_FAILED: Failed[] = [];

/** One space: every number of it comes to the browser, which searches, sorts and pages them. */
function useSpaceRows(spaceId: string, status: string, enabled: boolean) {
  const one = usePhoneList(spaceId, status, enabled);
  const rows = useMemo<ListRow[] | undefined>(() => one.data?.numbers.map((n) => ({ ...n, spaceId })), [one.data, spaceId]);
  const meta = one.data ? { observedAt: one.data.observedAt, stale: one.data.stale, lastError: one.data.lastError } : null;
  return { rows, query: one, meta };
}

/**
 * All spaces: the server searches, filters, sorts and pages in SQL (whatever the number of spaces)
 * and sends one page, the spaces that failed and the oldest "as of" of the spaces shown.
 */
function useAllSpacesRows(state: ListState, q: string, enabled: boolean) {
  const page = useAllSpacesPage(allSpacesPageQueryOf({ ...state, q }), enabled);
  const data = page.data;
  const failed = useMemo<Failed[]>(
    () =>
      data?.failed.map((f): Failed =>
        f.ok ? { spaceId: f.spaceId, spaceName: f.spaceName, ok: false, error: f.lastError, stale: true } : { spaceId: f.spaceId, spaceName: f.spaceName, ok: false, error: f.error },
      ) ?? [],
    [data],
  );
  return { data, failed, query: page, meta: data?.observedAt ? { observedAt: data.observedAt } : null };
}

export function PhoneList({ spaceId, emptyAction }: { spaceId: string; emptyAction?: React.ReactNode }) {
  const t = useTranslations("phoneNumbers.list");
  const locale = useLocale();
  const { state, update, toggleSort, reset } = useListState();
  const showSpace = spaceId === "all";

  // Typing updates the box at once; the filtering below works on the deferred value, at lower priority.
  const q = useDeferredValue(state.q);
  const one = useSpaceRows(spaceId, state.status, !showSpace);
  const many = useAllSpacesRows(state, q, showSpace);
  const columns = useMemo(() => listColumns(locale), [locale]);
  const local = useDataTable({
    data: one.rows ?? EMPTY,
    columns,
    tieOrder: byNumber,
    sort: { id: state.sort, dir: state.dir },
    search: q,
    globalFilterFn: searchRows,
    filters: { quality: state.quality },
    page: state.page,
    pageSize: PAGE_SIZE,
  });
  const rows: ListRow[] | undefined = showSpace ? many.data?.rows : one.rows;
  const paged = showSpace && many.data ? { rows: many.data.rows, total: many.data.total, page: many.data.page, pages: many.data.pages } : local;
  const { query, meta } = showSpace ? many : one;
  const failed = showSpace ? many.failed : NO_FAILED;
  const spaces = showSpace ? (many.data?.spaces ?? 0) : 1;
  const onPage = useCallback((page: number) => update({ page }), [update]);
  const refetch = useCallback(() => void query.refetch(), [query]);

  const error = readErrorOf(query.error);
  const filteredView = state.q !== "" || state.status !== "" || state.quality !== "";

  let body: React.ReactNode;
  if (error && !rows) {
    body = <ReadErrorPanel error={error} onRetry={refetch} retrying={query.isFetching} />;
  } else if (!rows) {
    body = <ListSkeleton label={t("loading")} />;
  } else if (rows.length === 0 && !filteredView && failed.length === 0) {
    body = <EmptyState icon={<PhoneOff />} title={t("emptyTitle")} description={t("emptyBody")} action={emptyAction} />;
  } else if (paged.total === 0) {
    body = <NoMatchState title={t("noMatchTitle")} description={t("noMatchBody")} clearLabel={t("clearFilters")} onClear={reset} />;
  } else {
    body = (
      <div className="space-y-3">
        <div className="rounded-lg border">
          <ListTable
            rows={paged.rows}
            showSpace={showSpace}
            sort={state.sort}
            dir={state.dir}
            onSort={toggleSort}
            query={q}
            busy={query.isFetching || q !== state.q}
          />
        </div>
        <Pagination page={paged.page} pages={paged.pages} total={paged.total} pageSize={PAGE_SIZE} onPage={onPage} messages="phoneNumbers.list" countTestId="phone-count" />
      </div>
    );
  }

  return (
    <div className="space-y-4">
      <ListToolbar
        state={state}
        update={update}
        reset={reset}
        onRefresh={refetch}
        refreshing={query.isFetching}
        refreshControl={showSpace ? undefined : <RefreshNowButton spaceId={spaceId} />}
      />
      {meta ? <AsOf {...meta} /> : null}
      {showSpace && rows ? <FailedSpaces failed={failed} total={spaces} onRetry={refetch} retrying={query.isFetching} /> : null}
      {error && rows ? <ReadErrorPanel error={error} onRetry={refetch} retrying={query.isFetching} /> : null}
      {body}
    </div>
  );
}

function ListSkeleton({ label }: { label: string }) {
  return (
    <div className="space-y-2 rounded-lg border p-3" role="status" aria-label={label} data-testid="phone-list-loading">
      {Array.from({ length: 8 }, (_, i) => (
        <Skeleton key={i} className="h-9 w-full" />
      ))}
    </div>
  );
}
