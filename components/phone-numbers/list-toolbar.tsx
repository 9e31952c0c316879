"use client";

import { RotateCw, Search, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEnumLabel } from "@/components/phone-numbers/enum-badge";
import { QUALITY_FILTERS, STATUS_FILTERS } from "@/components/phone-numbers/enum-values";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { ListState } from "@/components/phone-numbers/use-list-state";
import { nativeSelectClass } from "@/components/ui/native-select";

const SELECT = nativeSelectClass;

export function ListToolbar({
  state,
  update,
  reset,
  onRefresh,
  refreshing,
  refreshControl,
}: {
  state: ListState;
  update: (patch: Partial<ListState>) => void;
  reset: () => void;
  onRefresh: () => void;
  refreshing: boolean;
  /** Replaces the plain refetch button (one space: "Refresh now" reads CAMS into the inventory). */
  refreshControl?: React.ReactNode;
}) {
  const t = useTranslations("phoneNumbers.list");
  const label = useEnumLabel();
  const filtered = state.q !== "" || state.status !== "" || state.quality !== "";
  return (
    <div className="flex flex-wrap items-end gap-3" role="search" aria-label={t("filters")}>
      <div className="grid min-w-56 flex-1 gap-1.5 sm:max-w-sm">
        <Label htmlFor="phone-search">{t("search")}</Label>
        <div className="relative">
          <Search className="pointer-events-none absolute top-2.5 left-2.5 size-4 text-muted-foreground" aria-hidden="true" />
          <Input
            id="phone-search"
            type="search"
            className="pl-8"
            placeholder={t("searchPlaceholder")}
            value={state.q}
            maxLength={100}
            autoComplete="off"
            onChange={(e) => update({ q: e.target.value })}
          />
        </div>
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="phone-status">{t("status")}</Label>
        <select id="phone-status" className={SELECT} value={state.status} onChange={(e) => update({ status: e.target.value })}>
          <option value="">{t("anyStatus")}</option>
          {STATUS_FILTERS.map((s) => (
            <option key={s} value={s}>
              {label("status", s)}
            </option>
          ))}
          {state.status && !(STATUS_FILTERS as readonly string[]).includes(state.status) ? <option value={state.status}>{state.status}</option> : null}
        </select>
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="phone-quality">{t("quality")}</Label>
        <select id="phone-quality" className={SELECT} value={state.quality} onChange={(e) => update({ quality: e.target.value })}>
          <option value="">{t("anyQuality")}</option>
          {QUALITY_FILTERS.map((s) => (
            <option key={s} value={s}>
              {label("quality", s)}
            </option>
          ))}
        </select>
      </div>
      <div className="flex gap-2">
        {filtered ? (
          <Button variant="ghost" onClick={reset}>
            <X aria-hidden="true" />
            {t("clearFilters")}
          </Button>
        ) : null}
        {refreshControl ?? (
          <Button variant="outline" onClick={onRefresh} disabled={refreshing} aria-busy={refreshing || undefined}>
            <RotateCw className={refreshing ? "animate-spin" : undefined} aria-hidden="true" />
            {t("refresh")}
          </Button>
        )}
      </div>
    </div>
  );
}
