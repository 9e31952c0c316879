"use client";

import { useTranslations } from "next-intl";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { DateRangeFields, FilterSelect, UrlFilterForm } from "@/components/url-filter-form";
import { HISTORY_FIELDS, HISTORY_SOURCES } from "@/lib/history";

const FEED_KEYS = ["field", "source", "phone", "from", "to"] as const;
const NUMBER_KEYS = ["field", "source", "from", "to"] as const;

/** The history's filters. `withPhone`: the feeds (a number's own tab has its number already). */
export function HistoryFilters({ withPhone, exportHref }: { withPhone: boolean; exportHref: string }) {
  const t = useTranslations("history");
  return (
    <UrlFilterForm keys={withPhone ? FEED_KEYS : NUMBER_KEYS} label={t("title")} exportHref={exportHref} csvHint={t("csvHint")} hintId="history-csv-hint" className="lg:grid-cols-5">
      {(v) => (
        <>
          <FilterSelect id="history-field" name="field" label={t("field")} anyLabel={t("any")} value={v.field} options={HISTORY_FIELDS.map((k) => ({ value: k, label: t(`fields.${k}`) }))} />
          <FilterSelect id="history-source" name="source" label={t("source")} anyLabel={t("any")} value={v.source} options={HISTORY_SOURCES.map((k) => ({ value: k, label: t(`sources.${k}`) }))} />
          {withPhone ? (
            <div className="space-y-1">
              <Label htmlFor="history-phone">{t("phone")}</Label>
              <Input id="history-phone" name="phone" inputMode="tel" defaultValue={(v as Record<string, string>).phone} placeholder={t("phonePlaceholder")} />
            </div>
          ) : null}
          <DateRangeFields idPrefix="history" from={v.from} to={v.to} />
        </>
      )}
    </UrlFilterForm>
  );
}
