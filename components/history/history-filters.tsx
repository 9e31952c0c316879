"use client";

import { useTranslations } from "next-intl";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { DateRangeFields, filterSelectClass, UrlFilterForm } from "@/components/url-filter-form";
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
          <div className="space-y-1">
            <Label htmlFor="history-field">{t("field")}</Label>
            <select id="history-field" name="field" defaultValue={v.field} className={filterSelectClass}>
              <option value="">{t("any")}</option>
              {HISTORY_FIELDS.map((k) => (
                <option key={k} value={k}>
                  {t(`fields.${k}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="space-y-1">
            <Label htmlFor="history-source">{t("source")}</Label>
            <select id="history-source" name="source" defaultValue={v.source} className={filterSelectClass}>
              <option value="">{t("any")}</option>
              {HISTORY_SOURCES.map((k) => (
                <option key={k} value={k}>
                  {t(`sources.${k}`)}
                </option>
              ))}
            </select>
          </div>
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
