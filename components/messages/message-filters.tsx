"use client";

import { useTranslations } from "next-intl";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { filterSelectClass, UrlFilterForm } from "@/components/url-filter-form";
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
          <div className="space-y-1">
            <Label htmlFor="msg-direction">{t("direction")}</Label>
            <select id="msg-direction" name="direction" defaultValue={v.direction} className={filterSelectClass} {...described("direction")}>
              <option value="">{t("any")}</option>
              {DIRECTIONS.map((d) => (
                <option key={d} value={d}>
                  {t(`directions.${d}`)}
                </option>
              ))}
            </select>
            {error("direction")}
          </div>
          <div className="space-y-1">
            <Label htmlFor="msg-status">{t("status")}</Label>
            <select id="msg-status" name="status" defaultValue={v.status} className={filterSelectClass} {...described("status")}>
              <option value="">{t("any")}</option>
              {MESSAGE_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`statuses.${s}`)}
                </option>
              ))}
            </select>
            {error("status")}
          </div>
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
