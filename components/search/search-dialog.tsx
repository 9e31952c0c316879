"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { useDebounced, useListbox } from "@/components/use-listbox";
import { Dialog, DialogContent, DialogDescription, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { formatPhoneNumber } from "@/lib/phone";
import { fetchJson } from "@/lib/query-client";
import type { SearchHit, SearchResponse } from "@/lib/schemas/search";

/** The header search's dialog (components/search/global-search.tsx loads it when first wanted). */
export function SearchDialog({ open, setOpen, returnFocus }: { open: boolean; setOpen: (open: boolean) => void; returnFocus: React.RefObject<HTMLButtonElement | null> }) {
  const t = useTranslations("search");
  const router = useRouter();
  const [text, setText] = useState("");
  const listId = useId();
  const q = useDebounced(text.trim(), 200);

  const search = useQuery({
    queryKey: ["search", q],
    queryFn: ({ signal }) => fetchJson<SearchResponse>(`/api/search?q=${encodeURIComponent(q)}`, { signal }),
    enabled: open && q.length >= 2,
    staleTime: 10_000,
  });
  const hits = q.length >= 2 ? (search.data?.hits ?? []) : [];

  const go = (hit: SearchHit) => {
    setOpen(false);
    router.push(hit.href);
  };
  const { active, setActive, listRef, onKeyDown, optionId, activeId } = useListbox(hits.length, (i) => go(hits[i]!), listId);

  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (!o) setText("");
      }}
    >
      <DialogContent returnFocus={returnFocus} className="top-[15%] translate-y-0 gap-3 p-4 sm:max-w-xl" closeLabel={t("close")}>
        <DialogTitle>{t("title")}</DialogTitle>
        <DialogDescription>{t("hint")}</DialogDescription>
        <Input
          autoFocus
          role="combobox"
          aria-label={t("label")}
          aria-expanded={hits.length > 0}
          aria-controls={listId}
          aria-activedescendant={activeId}
          placeholder={t("placeholder")}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
          data-testid="search-input"
        />
        <div aria-live="polite" className="min-h-6 text-sm text-muted-foreground">
          {q.length < 2 ? null : search.isFetching && !search.data ? (
            <span className="inline-flex items-center gap-2">
              <Spinner className="size-4" /> {t("searching")}
            </span>
          ) : search.isError ? (
            <span role="alert" className="text-destructive">
              {t("failed")}
            </span>
          ) : hits.length === 0 ? (
            t("none", { q })
          ) : (
            t("count", { count: hits.length, more: search.data?.more ? "more" : "all" })
          )}
        </div>
        {hits.length > 0 ? (
          <ul ref={listRef} id={listId} role="listbox" aria-label={t("results")} className="max-h-[50dvh] divide-y overflow-y-auto rounded border" data-testid="search-results">
            {hits.map((h, i) => (
              <li
                key={`${h.kind}:${h.spaceId}:${h.phoneNumber}:${h.text}`}
                id={optionId(i)}
                data-index={i}
                role="option"
                aria-selected={i === active}
                data-testid={`search-hit-${h.kind}`}
                className={`cursor-pointer px-3 py-2 text-sm ${i === active ? "bg-accent" : ""}`}
                onMouseEnter={() => setActive(i)}
                onClick={() => go(h)}
              >
                <div className="flex items-baseline justify-between gap-3">
                  <span className="font-medium">{h.phoneNumber ? formatPhoneNumber(h.phoneNumber) : h.spaceName}</span>
                  <span className="shrink-0 text-xs text-muted-foreground">{t(`kind.${h.kind}`)}</span>
                </div>
                <div className="truncate text-xs text-muted-foreground">
                  {[h.text, h.phoneNumber ? h.spaceName : null].filter(Boolean).join(" · ")}
                </div>
              </li>
            ))}
          </ul>
        ) : null}
      </DialogContent>
    </Dialog>
  );
}
