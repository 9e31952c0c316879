"use client";

import { useLocale, useTranslations } from "next-intl";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { DateRangeFields, filterSelectClass, UrlFilterForm } from "@/components/url-filter-form";
import { operationLabel } from "@/lib/audit-display";

const FILTER_KEYS = ["user", "space", "operation", "outcome", "from", "to"] as const;

/** The audit page's filters, in the URL (components/url-filter-form.tsx). */
export function AuditFilters({ operations, spaces, exportHref }: { operations: string[]; spaces: { id: string; name: string }[]; exportHref: string }) {
  const t = useTranslations("audit");
  const locale = useLocale();
  const labelled = operations.map((o) => ({ value: o, label: operationLabel(t, o) })).sort((a, b) => a.label.localeCompare(b.label, locale));
  return (
    <UrlFilterForm keys={FILTER_KEYS} exportHref={exportHref} csvHint={t("csvHint")} hintId="audit-csv-hint" className="lg:grid-cols-7">
      {(v) => (
        <>
          <div className="space-y-1 lg:col-span-2">
            <Label htmlFor="audit-user">{t("user")}</Label>
            <Input id="audit-user" name="user" defaultValue={v.user} placeholder={t("userPlaceholder")} />
          </div>
          <div className="space-y-1">
            <Label htmlFor="audit-space">{t("space")}</Label>
            <select id="audit-space" name="space" defaultValue={v.space} className={filterSelectClass}>
              <option value="">{t("any")}</option>
              {spaces.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
          <div className="space-y-1">
            <Label htmlFor="audit-operation">{t("operation")}</Label>
            <select id="audit-operation" name="operation" defaultValue={v.operation} className={filterSelectClass}>
              <option value="">{t("any")}</option>
              {labelled.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </div>
          <div className="space-y-1">
            <Label htmlFor="audit-outcome">{t("outcome")}</Label>
            <select id="audit-outcome" name="outcome" defaultValue={v.outcome} className={filterSelectClass}>
              <option value="">{t("any")}</option>
              <option value="ok">{t("outcomeOk")}</option>
              <option value="error">{t("outcomeError")}</option>
              <option value="denied">{t("outcomeDenied")}</option>
            </select>
          </div>
          <DateRangeFields idPrefix="audit" from={v.from} to={v.to} />
        </>
      )}
    </UrlFilterForm>
  );
}
