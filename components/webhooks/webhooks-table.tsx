"use client";

import { RotateCw, Webhook } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { parseAsBoolean, parseAsStringLiteral, useQueryStates } from "nuqs";
import { useId, useMemo } from "react";
import { ActionErrorAlert } from "@/components/action-error";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Label } from "@/components/ui/label";
import { Skeleton } from "@/components/ui/skeleton";
import { Switch } from "@/components/ui/switch";
import type { AllSpacesWebhooksResponse, SpaceWebhooksResponse, SpaceWebhooksResult } from "@/lib/schemas/webhooks";
import { useSpaceWebhooks } from "./queries";
import { useDataTable } from "@/components/use-data-table";
import { LIST_URL_OPTIONS, parseAsSortDir } from "@/lib/url-state";
import { byNumber, groupBySettings, SORT_KEYS, webhookColumns, type SortKey, type WebhookListRow } from "./table-model";
import { WebhooksTableView } from "./webhooks-table-view";
import { readErrorOf } from "@/components/read-error";

type Failed = Extract<SpaceWebhooksResult, { ok: false }>;
const NONE: WebhookListRow[] = [];

const viewParsers = {
  sort: parseAsStringLiteral(SORT_KEYS).withDefault("number"),
  dir: parseAsSortDir,
  grouped: parseAsBoolean.withDefault(false),
};

function toRows(spaceId: string, data: SpaceWebhooksResponse | AllSpacesWebhooksResponse | undefined) {
  if (!data) return { rows: undefined, failed: [] as Failed[] };
  if ("spaces" in data) {
    return {
      rows: data.spaces.flatMap((s) => (s.ok ? s.numbers.map((n) => ({ ...n, spaceId: s.spaceId, spaceName: s.spaceName })) : [])),
      failed: data.spaces.filter((s): s is Failed => !s.ok),
    };
  }
  return { rows: data.numbers.map((n) => ({ ...n, spaceId })), failed: [] as Failed[] };
}

/** Every number of the space (or of every space) with its callback settings, sortable and groupable. */
export function WebhooksTable({ spaceId }: { spaceId: string }) {
  const t = useTranslations("webhooks.table");
  const tc = useTranslations("common");
  const locale = useLocale();
  const groupId = useId();
  const query = useSpaceWebhooks(spaceId);
  // Sort and grouping live in the URL, so a link or a reload shows the same view.
  const [view, setView] = useQueryStates(viewParsers, LIST_URL_OPTIONS);
  const { rows, failed } = useMemo(() => toRows(spaceId, query.data), [spaceId, query.data]);
  const columns = useMemo(() => webhookColumns(rows ?? NONE, locale), [rows, locale]);
  const tieOrder = useMemo(() => byNumber(locale), [locale]);
  const { rows: sorted } = useDataTable({ data: rows ?? NONE, columns, tieOrder, sort: { id: view.sort, dir: view.dir } });
  const groups = useMemo(() => groupBySettings(rows ?? NONE, locale), [rows, locale]);
  const onSort = (key: SortKey) => void setView({ sort: key, dir: view.sort === key && view.dir === "asc" ? "desc" : "asc" });
  const grouped = view.grouped;
  const setGrouped = (on: boolean) => void setView({ grouped: on });
  const error = readErrorOf(query.error);
  const retry = (
    <Button variant="outline" size="sm" onClick={() => void query.refetch()} disabled={query.isFetching} aria-busy={query.isFetching || undefined}>
      <RotateCw className={query.isFetching ? "animate-spin" : undefined} aria-hidden="true" />
      {query.isFetching ? tc("loading") : tc("refresh")}
    </Button>
  );

  if (error && !rows) {
    return (
      <div className="space-y-3" data-testid="read-error">
        <ActionErrorAlert error={error} />
        {retry}
      </div>
    );
  }
  if (!rows) {
    return (
      <div className="space-y-2" role="status" aria-busy="true" aria-label={t("loading")}>
        {Array.from({ length: 6 }, (_, i) => (
          <Skeleton key={i} className="h-10 w-full" />
        ))}
      </div>
    );
  }
  return (
    <div className="space-y-3">
      {failed.map((f) => (
        <div key={f.spaceId} className="space-y-1">
          <p className="text-sm font-medium">{t("spaceFailed", { space: f.spaceName })}</p>
          <ActionErrorAlert error={f.error} />
        </div>
      ))}
      {rows.length === 0 ? (
        <EmptyState icon={<Webhook />} title={t("emptyTitle")} description={t("emptyBody")} action={retry} />
      ) : (
        <>
          <div className="flex flex-wrap items-center justify-between gap-3">
            <p className="text-sm text-muted-foreground" aria-live="polite">
              {t("summary", { numbers: rows.length, groups: groups.length })}
            </p>
            <div className="flex items-center gap-4">
              <div className="flex items-center gap-2">
                <Switch id={groupId} checked={grouped} onCheckedChange={setGrouped} />
                <Label htmlFor={groupId}>{t("groupBy")}</Label>
              </div>
              {retry}
            </div>
          </div>
          <div className="rounded-lg border">
            <WebhooksTableView rows={sorted} groups={groups} grouped={grouped} showSpace={spaceId === "all"} sort={view.sort} dir={view.dir} onSort={onSort} />
          </div>
        </>
      )}
    </div>
  );
}
