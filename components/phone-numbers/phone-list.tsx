"use client";

import { PhoneOff, SearchX } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useCallback, useDeferredValue, useMemo } from "react";
import { byNumber, listColumns, PAGE_SIZE, searchRows, type ListRow } from "@/components/phone-numbers/list-columns";
import { useAllSpacesList, usePhoneList } from "@/components/phone-numbers/queries";
import { ReadErrorPanel, readErrorOf } from "@/components/read-error";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { FailedSpaces, type Failed } from "@/components/phone-numbers/failed-spaces";
import { Pagination } from "@/components/pagination";
import { ListTable } from "@/components/phone-numbers/list-table";
import { ListToolbar } from "@/components/phone-numbers/list-toolbar";
import { AsOf, RefreshNowButton } from "@/components/inventory/as-of";
import { useListState } from "@/components/phone-numbers/use-list-state";
import { useDataTable } from "@/components/use-data-table";

const EMPTY: ListRow[] = [];

function useRows(spaceId: string, status: string) {
  const all = spaceId === "all";
  const one = usePhoneList(spaceId, status, !all);
  const many = useAllSpacesList(status, all);
  const q = all ? many : one;
  const rows = useMemo<ListRow[] | undefined>(() => {
    if (all) return many.data?.spaces.flatMap((s) => (s.ok ? s.numbers.map((n) => ({ ...n, spaceId: s.spaceId, spaceName: s.spaceName })) : []));
    return one.data?.numbers.map((n) => ({ ...n, spaceId }));
  }, [all, many.data, one.data, spaceId]);
  const failed = useMemo<Failed[]>(
    () =>
      all
        ? (many.data?.spaces.flatMap((s): Failed[] => {
            if (!s.ok) return [s];
            return s.stale && s.lastError ? [{ spaceId: s.spaceId, spaceName: s.spaceName, ok: false, error: s.lastError, stale: true }] : [];
          }) ?? [])
        : [],
    [all, many.data],
  );
  // "As of": one space's read, or the oldest of every space's (what the whole view is at least as fresh as).
  const meta = useMemo(() => {
    if (!all) return one.data ? { observedAt: one.data.observedAt, stale: one.data.stale, lastError: one.data.lastError } : null;
    const seen = many.data?.spaces.flatMap((s) => (s.ok && s.observedAt ? [s.observedAt] : [])) ?? [];
    return seen.length ? { observedAt: seen.reduce((a, b) => (a < b ? a : b)) } : null;
  }, [all, many.data, one.data]);
  return { rows, failed, spaces: all ? (many.data?.spaces.length ?? 0) : 1, query: q, meta };
}

export function PhoneList({ spaceId, emptyAction }: { spaceId: string; emptyAction?: React.ReactNode }) {
  const t = useTranslations("phoneNumbers.list");
  const locale = useLocale();
  const { state, update, toggleSort, reset } = useListState();
  const { rows, failed, spaces, query, meta } = useRows(spaceId, state.status);
  const showSpace = spaceId === "all";

  // Typing updates the box at once; the filtering below works on the deferred value, at lower priority.
  const q = useDeferredValue(state.q);
  const columns = useMemo(() => listColumns(locale), [locale]);
  const paged = useDataTable({
    data: rows ?? EMPTY,
    columns,
    tieOrder: byNumber,
    sort: { id: state.sort, dir: state.dir },
    search: q,
    globalFilterFn: searchRows,
    filters: { quality: state.quality },
    page: state.page,
    pageSize: PAGE_SIZE,
  });
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
    body = (
      <EmptyState
        icon={<SearchX />}
        title={t("noMatchTitle")}
        description={t("noMatchBody")}
        action={
          <Button variant="outline" onClick={reset}>
            {t("clearFilters")}
          </Button>
        }
      />
    );
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
