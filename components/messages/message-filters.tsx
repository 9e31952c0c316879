"use client";

import { useTranslations } from "next-intl";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { FilterSelect, UrlFilterForm } from "@/components/url-filter-form";
import { DIRECTIONS, MESSAGE_STATUSES } from "@/lib/schemas/messages";

const KEYS = ["direction", "status", "template", "user", "from", "to"] as const;

/** The message log's filters, in the URL; Apply goes back to the first page. */
export function MessageFilters({ exportHref, invalid }: { exportHref: string; invalid: Partial<Record<(typeof KEYS)[number], string>> }) {
  const t = useTranslations("messageLog");
  const tv = useTranslations();
  const error = (k: (typeof KEYS)[number]) => {
    const key = invalid[k];
    return key ? (
      <p id={`msg-${k}-error`} role="alert" className="text-sm text-destructive">
        {tv.has(key) ? tv(key) : key}
      </p>
    ) : null;
  };
  const described = (k: (typeof KEYS)[number]) => (invalid[k] ? { "aria-invalid": true, "aria-describedby": `msg-${k}-error` } : {});
  return (
    <UrlFilterForm keys={KEYS} cursorKey="page" label={t("filters")} exportHref={exportHref} csvHint={t("csvHint")} hintId="messages-csv-hint" className="lg:grid-cols-6">
      {(v) => (
        <>
          <FilterSelect
            id="msg-direction"
            name="direction"
            label={t("direction")}
            anyLabel={t("any")}
            value={v.direction}
            options={DIRECTIONS.map((d) => ({ value: d, label: t(`directions.${d}`) }))}
            {...described("direction")}
          >
            {error("direction")}
          </FilterSelect>
          <FilterSelect
            id="msg-status"
            name="status"
            label={t("status")}
            anyLabel={t("any")}
            value={v.status}
            options={MESSAGE_STATUSES.map((s) => ({ value: s, label: t(`statuses.${s}`) }))}
            {...described("status")}
          >
            {error("status")}
          </FilterSelect>
          <div className="space-y-1">
            <Label htmlFor="msg-template">{t("template")}</Label>
            <Input id="msg-template" name="template" defaultValue={v.template} autoComplete="off" spellCheck={false} placeholder="order_update" {...described("template")} />
            {error("template")}
          </div>
          <div className="space-y-1">
            <Label htmlFor="msg-user">{t("user")}</Label>
            <Input id="msg-user" name="user" inputMode="tel" defaultValue={v.user} autoComplete="off" placeholder={t("userPlaceholder")} {...described("user")} />
            {error("user")}
          </div>
          <div className="space-y-1">
            <Label htmlFor="msg-from">{t("from")}</Label>
            <Input id="msg-from" name="from" type="date" defaultValue={v.from} {...described("from")} />
            {error("from")}
          </div>
          <div className="space-y-1">
            <Label htmlFor="msg-to">{t("to")}</Label>
            <Input id="msg-to" name="to" type="date" defaultValue={v.to} {...described("to")} />
            {error("to")}
          </div>
        </>
      )}
    </UrlFilterForm>
  );
}
