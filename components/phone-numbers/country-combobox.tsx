"use client";

import { ChevronsUpDown } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useMemo, useRef, useState } from "react";
import { sortedCountries } from "@/lib/phone";
import { cn } from "@/lib/utils";

type Props = {
  value: string;
  onChange: (iso: string) => void;
  onBlur?: () => void;
  id?: string;
  name?: string;
  disabled?: boolean;
  "aria-describedby"?: string;
  "aria-invalid"?: boolean;
};

/**
 * A searchable country picker (ARIA 1.2 combobox with a listbox): type a name, an ISO code or a
 * calling code ("65", "+44"); arrows move, Enter picks, Escape closes the list only.
 */
export function CountryCombobox({ value, onChange, onBlur, id = "country", name, disabled, ...aria }: Props) {
  const t = useTranslations("phoneNumbers.add");
  const locale = useLocale();
  const countries = useMemo(() => sortedCountries(locale), [locale]);
  const selected = countries.find((c) => c.iso === value);
  const [query, setQuery] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const listRef = useRef<HTMLUListElement>(null);

  const matches = useMemo(() => {
    const q = (query ?? "").trim().toLowerCase();
    if (!q) return countries;
    const digits = q.replace(/^\+/, "");
    if (/^\d+$/.test(digits)) {
      return countries.filter((c) => c.cc.startsWith(digits)).sort((a, b) => Number(b.cc === digits) - Number(a.cc === digits));
    }
    return countries.filter((c) => c.name.toLowerCase().includes(q) || c.iso.toLowerCase() === q);
  }, [countries, query]);

  useEffect(() => {
    if (!open) return;
    listRef.current?.querySelector<HTMLElement>(`[data-index="${active}"]`)?.scrollIntoView({ block: "nearest" });
  }, [active, open]);

  const pick = (iso: string) => {
    onChange(iso);
    setQuery(null);
    setOpen(false);
  };
  const listId = `${id}-listbox`;
  const optionId = (iso: string) => `${id}-option-${iso}`;
  const activeIso = open ? matches[active]?.iso : undefined;

  function onKeyDown(e: React.KeyboardEvent<HTMLInputElement>) {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      if (!open) return setOpen(true);
      const step = e.key === "ArrowDown" ? 1 : -1;
      setActive((i) => Math.min(Math.max(i + step, 0), Math.max(matches.length - 1, 0)));
    } else if (e.key === "Enter" && open) {
      e.preventDefault();
      if (matches[active]) pick(matches[active].iso);
    } else if (e.key === "Escape" && open) {
      // The dialog around us leaves Escape to us while the list is open (aria-expanded="true").
      setOpen(false);
      setQuery(null);
    }
  }

  return (
    <div className="relative">
      <input
        id={id}
        name={name}
        type="text"
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={activeIso ? optionId(activeIso) : undefined}
        autoComplete="off"
        disabled={disabled}
        placeholder={t("countryPlaceholder")}
        className="flex h-9 w-full rounded-md border border-input bg-transparent py-1 pr-8 pl-3 text-base shadow-xs outline-none focus-visible:border-ring focus-visible:ring-[3px] focus-visible:ring-ring/50 aria-invalid:border-destructive md:text-sm dark:bg-input/30"
        value={query ?? (selected ? `${selected.name} (+${selected.cc})` : "")}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={(e) => e.currentTarget.select()}
        onClick={() => setOpen(true)}
        onKeyDown={onKeyDown}
        onBlur={() => {
          setOpen(false);
          setQuery(null);
          onBlur?.();
        }}
        {...aria}
      />
      <ChevronsUpDown className="pointer-events-none absolute top-2.5 right-2.5 size-4 text-muted-foreground" aria-hidden="true" />
      <ul
        ref={listRef}
        id={listId}
        role="listbox"
        aria-label={t("country")}
        hidden={!open}
        className="absolute z-50 mt-1 max-h-60 w-full overflow-y-auto rounded-md border bg-popover p-1 text-sm text-popover-foreground shadow-md"
      >
        {matches.length === 0 ? <li role="option" aria-selected={false} aria-disabled="true" className="px-2 py-1.5 text-muted-foreground">{t("noCountry")}</li> : null}
        {matches.map((c, i) => (
          <li
            key={c.iso}
            id={optionId(c.iso)}
            role="option"
            aria-selected={c.iso === value}
            data-index={i}
            // mousedown, not click: the input keeps focus, so its blur does not close the list first.
            onMouseDown={(e) => {
              e.preventDefault();
              pick(c.iso);
            }}
            onMouseMove={() => setActive(i)}
            className={cn("flex cursor-default justify-between gap-3 rounded-sm px-2 py-1.5", i === active && "bg-accent text-accent-foreground")}
          >
            <span>{c.name}</span>
            <span className="text-muted-foreground tabular-nums">+{c.cc}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
