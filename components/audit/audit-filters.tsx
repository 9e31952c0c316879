"use client";

import { useLocale, useTranslations } from "next-intl";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { DateRangeFields, FilterSelect, UrlFilterForm } from "@/components/url-filter-form";
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
          <FilterSelect id="audit-space" name="space" label={t("space")} anyLabel={t("any")} value={v.space} options={spaces.map((s) => ({ value: s.id, label: s.name }))} />
          <FilterSelect id="audit-operation" name="operation" label={t("operation")} anyLabel={t("any")} value={v.operation} options={labelled} />
          <FilterSelect
            id="audit-outcome"
            name="outcome"
            label={t("outcome")}
            anyLabel={t("any")}
            value={v.outcome}
            options={[
              { value: "ok", label: t("outcomeOk") },
              { value: "error", label: t("outcomeError") },
              { value: "denied", label: t("outcomeDenied") },
            ]}
          />
          <DateRangeFields idPrefix="audit" from={v.from} to={v.to} />
        </>
      )}
    </UrlFilterForm>
  );
}
