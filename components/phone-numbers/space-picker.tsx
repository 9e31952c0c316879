"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useId, useState } from "react";
import { writableSpacesQuery } from "@/components/shell/queries";
import { useDebounced } from "@/components/use-listbox";
import { Input } from "@/components/ui/input";
import { cn } from "@/lib/utils";
import { nativeSelectClass } from "@/components/ui/native-select";

export interface PickableSpace {
  id: string;
  name: string;
}

const SELECT = `${nativeSelectClass} w-full`;

/**
 * The space a number is added to, on All spaces: the first spaces the caller may change are asked
 * when the dialog opens, the others found by typing (GET /api/spaces?writable=1), never the whole
 * list of an administrator of 1,000 spaces. The chosen space stays offered while another filter is
 * typed; until one is chosen in the select, typing chooses the first match. The rest of the props (the form control's id, aria-*, name, onBlur, ref) go to the select.
 */
export function SpacePicker({
  value,
  onChange,
  initial,
  ...selectProps
}: Omit<React.ComponentProps<"select">, "value" | "onChange"> & {
  value: string;
  onChange: (id: string) => void;
  initial: PickableSpace;
}) {
  const t = useTranslations("phoneNumbers.add");
  const filterId = useId();
  const hintId = useId();
  const [q, setQ] = useState("");
  const typed = useDebounced(q.trim(), 200);
  const found = useQuery(writableSpacesQuery(typed));
  // Names of every space seen, so the chosen one keeps its label under another filter.
  const [known, setKnown] = useState<Map<string, string>>(() => new Map([[initial.id, initial.name]]));
  const matches = found.data?.spaces ?? [];
  const options = matches.some((s) => s.id === value) || !known.has(value) ? matches : [{ id: value, name: known.get(value)! }, ...matches];
  const more = found.data && found.data.matched > found.data.spaces.length;
  // Until a space is chosen in the select, typing chooses the first match (as a filter box would);
  // a chosen space is never replaced by typing.
  const [picked, setPicked] = useState(false);
  const first = typed && !picked && !matches.some((s) => s.id === value) ? matches[0] : undefined;
  useEffect(() => {
    if (!first) return;
    // The answer of a typed filter arrived (TanStack Query has no success callback): once per answer.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setKnown((k) => (k.has(first.id) ? k : new Map(k).set(first.id, first.name)));
    onChange(first.id);
  }, [first, onChange]);

  return (
    <div className="space-y-2">
      <Input
        id={filterId}
        type="search"
        aria-label={t("findSpace")}
        aria-describedby={hintId}
        placeholder={t("findSpace")}
        value={q}
        onChange={(e) => setQ(e.target.value)}
        // Enter in the filter must not submit the form.
        onKeyDown={(e) => {
          if (e.key === "Enter") e.preventDefault();
        }}
      />
      <select
        className={SELECT}
        {...selectProps}
        value={value}
        onChange={(e) => {
          const id = e.target.value;
          const s = options.find((o) => o.id === id);
          if (s && !known.has(id)) setKnown(new Map(known).set(id, s.name));
          setPicked(true);
          onChange(id);
        }}
      >
        {options.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </select>
      <p id={hintId} className={cn("text-sm text-muted-foreground", !found.isError && !more && matches.length > 0 && "sr-only")} aria-live="polite">
        {found.isError
          ? t("spacesFailed")
          : found.data && matches.length === 0
            ? t("noSpaceMatch", { q: typed })
            : more
              ? t("spacesShown", { shown: found.data!.spaces.length, matched: found.data!.matched })
              : t("spacesAll", { count: matches.length })}
      </p>
    </div>
  );
}
