"use client";

import { Download } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { parseAsString, useQueryStates } from "nuqs";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { operationLabel } from "@/lib/audit-display";

const f = parseAsString.withDefault("");
/** The audit page's filters; `before` is the keyset cursor of the older/newer links, dropped by any new filter. */
const auditParsers = { user: f, space: f, operation: f, outcome: f, from: f, to: f, before: f };
const FILTER_KEYS = ["user", "space", "operation", "outcome", "from", "to"] as const;

const selectClass = "h-9 w-full rounded-md border bg-background px-2 text-sm focus-visible:outline-2 focus-visible:outline-ring";

/** Filters live in the URL: shareable, and the server renders the filtered page. */
export function AuditFilters({ operations, spaces, exportHref }: { operations: string[]; spaces: { id: string; name: string }[]; exportHref: string }) {
  const t = useTranslations("audit");
  const locale = useLocale();
  // Not shallow: the server renders the filtered page. Each apply is a history entry, as a link would be.
  const [filters, setFilters] = useQueryStates(auditParsers, { shallow: false, history: "push", clearOnDefault: true });
  const labelled = operations.map((o) => ({ value: o, label: operationLabel(t, o) })).sort((a, b) => a.label.localeCompare(b.label, locale));

  function apply(form: HTMLFormElement) {
    const data = new FormData(form);
    const value = (k: string) => {
      const v = data.get(k);
      return typeof v === "string" && v.trim() ? v.trim() : null;
    };
    void setFilters({ ...Object.fromEntries(FILTER_KEYS.map((k) => [k, value(k)])), before: null });
  }

  return (
    <form
      // Remounted when the URL's filters change (a reset, back/forward), so the fields show them.
      key={FILTER_KEYS.map((k) => filters[k]).join("\u0000")}
      className="grid gap-3 rounded-md border p-3 sm:grid-cols-2 lg:grid-cols-7"
      onSubmit={(e) => {
        e.preventDefault();
        apply(e.currentTarget);
      }}
    >
      <div className="space-y-1 lg:col-span-2">
        <Label htmlFor="audit-user">{t("user")}</Label>
        <Input id="audit-user" name="user" defaultValue={filters.user} placeholder={t("userPlaceholder")} />
      </div>
      <div className="space-y-1">
        <Label htmlFor="audit-space">{t("space")}</Label>
        <select id="audit-space" name="space" defaultValue={filters.space} className={selectClass}>
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
        <select id="audit-operation" name="operation" defaultValue={filters.operation} className={selectClass}>
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
        <select id="audit-outcome" name="outcome" defaultValue={filters.outcome} className={selectClass}>
          <option value="">{t("any")}</option>
          <option value="ok">{t("outcomeOk")}</option>
          <option value="error">{t("outcomeError")}</option>
          <option value="denied">{t("outcomeDenied")}</option>
        </select>
      </div>
      <div className="space-y-1">
        <Label htmlFor="audit-from">{t("from")}</Label>
        <Input id="audit-from" name="from" type="date" defaultValue={filters.from} />
      </div>
      <div className="space-y-1">
        <Label htmlFor="audit-to">{t("to")}</Label>
        <Input id="audit-to" name="to" type="date" defaultValue={filters.to} />
      </div>
      <div className="flex flex-wrap items-end gap-2 sm:col-span-2 lg:col-span-7">
        <Button type="submit">{t("apply")}</Button>
        <Button type="button" variant="ghost" onClick={() => void setFilters(null)}>
          {t("reset")}
        </Button>
        <Button asChild variant="outline" className="ml-auto">
          <a href={exportHref} download aria-describedby="audit-csv-hint">
            <Download className="size-4" aria-hidden="true" />
            {t("exportCsv")}
          </a>
        </Button>
        <p id="audit-csv-hint" className="basis-full text-right text-xs text-muted-foreground">
          {t("csvHint")}
        </p>
      </div>
    </form>
  );
}
