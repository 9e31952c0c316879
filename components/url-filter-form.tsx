"use client";

import { Download } from "lucide-react";
import { useTranslations } from "next-intl";
import { parseAsString, useQueryStates } from "nuqs";
import type { ReactNode, SelectHTMLAttributes } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { cn } from "@/lib/utils";
import { nativeSelectClass } from "@/components/ui/native-select";

const text = parseAsString.withDefault("");

export const filterSelectClass = `${nativeSelectClass} w-full`;

/**
 * One choice of a filter form: its label and a native select whose first option, "any", is the
 * empty value (no filter). `children` come after the select (a field's error).
 */
export function FilterSelect({
  id,
  name,
  label,
  anyLabel,
  value,
  options,
  className,
  children,
  ...rest
}: {
  id: string;
  name: string;
  label: string;
  anyLabel: string;
  value: string;
  options: readonly { value: string; label: string }[];
  className?: string;
  children?: ReactNode;
} & Omit<SelectHTMLAttributes<HTMLSelectElement>, "id" | "name" | "defaultValue" | "className" | "children">) {
  return (
    <div className={cn("space-y-1", className)}>
      <Label htmlFor={id}>{label}</Label>
      <select id={id} name={name} defaultValue={value} className={filterSelectClass} {...rest}>
        <option value="">{anyLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {children}
    </div>
  );
}

/**
 * A filter form whose values live in the URL (shareable; the server renders the filtered page),
 * with Apply, Reset and a CSV export of the filtered set. `keys` are the form fields' names;
 * `before`, the keyset cursor of the older/newer links, is dropped by any new filter. The fields
 * get the current values to show; the form is remounted when the URL changes (a reset, back).
 */
export function UrlFilterForm<K extends string>({
  keys,
  label,
  exportHref,
  csvHint,
  hintId,
  className,
  cursorKey = "before",
  children,
}: {
  keys: readonly K[];
  label?: string;
  exportHref: string;
  csvHint: string;
  hintId: string;
  className?: string;
  /** The paging parameter any new filter drops (default the keyset cursor `before`). */
  cursorKey?: string;
  children: (values: Record<K, string>) => ReactNode;
}) {
  const t = useTranslations("audit");
  const parsers = Object.fromEntries([...keys, cursorKey].map((k) => [k, text])) as Record<K | "before", typeof text>;
  // Not shallow: the server renders the filtered page. Each apply is a history entry, as a link would be.
  const [filters, setFilters] = useQueryStates(parsers, { shallow: false, history: "push", clearOnDefault: true });
  const values = filters as Record<K, string>;

  function apply(form: HTMLFormElement) {
    const data = new FormData(form);
    const value = (k: string) => {
      const v = data.get(k);
      return typeof v === "string" && v.trim() ? v.trim() : null;
    };
    void setFilters({ ...Object.fromEntries(keys.map((k) => [k, value(k)])), [cursorKey]: null } as never);
  }

  return (
    <form
      key={keys.map((k) => values[k]).join("\u0000")}
      aria-label={label}
      className={cn("grid gap-3 rounded-md border p-3 sm:grid-cols-2", className)}
      onSubmit={(e) => {
        e.preventDefault();
        apply(e.currentTarget);
      }}
    >
      {children(values)}
      <div className="col-span-full flex flex-wrap items-end gap-2">
        <Button type="submit">{t("apply")}</Button>
        <Button type="button" variant="ghost" onClick={() => void setFilters(null)}>
          {t("reset")}
        </Button>
        <Button asChild variant="outline" className="ml-auto">
          <a href={exportHref} download aria-describedby={hintId}>
            <Download className="size-4" aria-hidden="true" />
            {t("exportCsv")}
          </a>
        </Button>
        <p id={hintId} className="basis-full text-right text-xs text-muted-foreground">
          {csvHint}
        </p>
      </div>
    </form>
  );
}

/** The From and To dates of a filter form (fields `from` and `to`, ids `<idPrefix>-from`/`-to`). */
export function DateRangeFields({ idPrefix, from, to }: { idPrefix: string; from: string; to: string }) {
  const t = useTranslations("audit");
  return (
    <>
      <div className="space-y-1">
        <Label htmlFor={`${idPrefix}-from`}>{t("from")}</Label>
        <Input id={`${idPrefix}-from`} name="from" type="date" defaultValue={from} />
      </div>
      <div className="space-y-1">
        <Label htmlFor={`${idPrefix}-to`}>{t("to")}</Label>
        <Input id={`${idPrefix}-to`} name="to" type="date" defaultValue={to} />
      </div>
    </>
  );
}
