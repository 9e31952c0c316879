"use client";

import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { Check, ChevronsUpDown } from "lucide-react";
import { useTranslations } from "next-intl";
import { useParams, usePathname, useRouter } from "next/navigation";
import { useId, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { Skeleton } from "@/components/ui/skeleton";
import { useDebounced, useListbox } from "@/components/use-listbox";
import { shellSpaceKeys } from "@/lib/query-keys";
import type { ShellSpace, ShellSpacesDto } from "@/lib/schemas/spaces";
import { cn } from "@/lib/utils";
import { rememberSpaceAction } from "@/server/actions/preferences";
import { shellSpacesQuery } from "./queries";

/** More spaces than this and the switcher has a filter box. */
const FILTER_FROM = 8;

/**
 * The header's space switcher. The layout ships the first spaces by name (all of them for most
 * users); past that, typing asks the server (GET /api/spaces), so a page never carries every
 * space of a 1,000-space fleet. Arrows move, Enter picks, Escape closes.
 */
export function SpaceSwitcher({
  shell,
  current,
  currentSpace,
  canAll,
}: {
  shell: ShellSpacesDto;
  current: string | null;
  /** The current space; undefined while it is being looked up (a space the layout did not ship). */
  currentSpace: ShellSpace | null | undefined;
  canAll: boolean;
}) {
  const t = useTranslations("shell");
  const router = useRouter();
  const pathname = usePathname();
  const params = useParams<{ space?: string }>();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState("");
  const q = useDebounced(text.trim(), 200);
  const shippedAll = shell.spaces.length >= shell.total;
  const remote = useQuery({ ...shellSpacesQuery(q), enabled: open && !shippedAll, placeholderData: keepPreviousData });
  const listId = useId();

  const needle = text.trim().toLowerCase();
  const found: ShellSpace[] = shippedAll
    ? shell.spaces.filter((s) => !needle || s.name.toLowerCase().includes(needle))
    : (remote.data ?? (q === "" ? shell : { spaces: [] })).spaces;
  const matched = shippedAll ? found.length : (remote.data?.matched ?? (q === "" ? shell.matched : 0));
  const options: { id: string; name: string; space?: ShellSpace }[] = [
    ...(canAll && !needle ? [{ id: "all", name: t("allSpaces") }] : []),
    ...found.map((s) => ({ id: s.id, name: s.name, space: s })),
  ];

  function select(id: string, space?: ShellSpace) {
    setOpen(false);
    setText("");
    // The header names the new space at once, without asking the server again.
    if (space) queryClient.setQueryData(shellSpaceKeys.one(id), { spaces: [space], matched: 1, total: shell.total });
    if (id === current) return;
    void rememberSpaceAction({ spaceId: id });
    // Stay in the same section when it is space-scoped; otherwise just remember the choice.
    const m = pathname.match(/^\/s\/[^/]+\/([^/]+)/);
    if (params.space && m) router.push(`/s/${id}/${m[1]}`);
    else if (pathname === "/" || params.space) router.push(`/s/${id}/phone-numbers`);
    else router.refresh();
  }
  const { active, setActive, listRef, onKeyDown, optionId, activeId } = useListbox(options.length, (i) => select(options[i]!.id, options[i]!.space), listId);

  if (shell.total === 0) return <span className="text-sm text-muted-foreground">{t("noSpaces")}</span>;
  const label = current === "all" ? t("allSpaces") : currentSpace?.name;
  const filtering = shell.total > FILTER_FROM;

  return (
    <div className="flex min-w-0 items-center gap-2">
      <Popover
        open={open}
        onOpenChange={(o) => {
          setOpen(o);
          if (!o) setText("");
          setActive(0);
        }}
      >
        <PopoverTrigger asChild>
          <Button
            variant="outline"
            role="combobox"
            aria-haspopup="listbox"
            aria-expanded={open}
            aria-label={label ? `${t("switchSpace")}: ${label}` : t("switchSpace")}
            className="w-48 max-w-[55vw] justify-between font-normal sm:w-64"
            data-testid="space-switcher"
          >
            {label ? <span className="truncate">{label}</span> : current ? <Skeleton className="h-4 w-32" /> : <span className="text-muted-foreground">{t("switchSpace")}</span>}
            <ChevronsUpDown className="size-4 shrink-0 opacity-50" aria-hidden="true" />
          </Button>
        </PopoverTrigger>
        <PopoverContent align="start" className="w-72 p-1" aria-label={t("switchSpace")}>
          {filtering ? (
            <Input
              autoFocus
              role="combobox"
              aria-label={t("findSpace")}
              aria-expanded
              aria-controls={listId}
              aria-autocomplete="list"
              aria-activedescendant={activeId}
              placeholder={t("findSpace")}
              value={text}
              onChange={(e) => {
                setText(e.target.value);
                setActive(0);
              }}
              onKeyDown={onKeyDown}
              className="mb-1"
              data-testid="space-switcher-filter"
            />
          ) : null}
          <ul
            ref={listRef}
            id={listId}
            role="listbox"
            aria-label={t("switchSpace")}
            tabIndex={filtering ? -1 : 0}
            aria-activedescendant={filtering ? undefined : activeId}
            onKeyDown={filtering ? undefined : onKeyDown}
            className="max-h-72 overflow-y-auto outline-none"
          >
            {options.map((o, i) => (
              <li
                key={o.id}
                id={optionId(i)}
                role="option"
                aria-selected={o.id === current}
                data-index={i}
                onClick={() => select(o.id, o.space)}
                onMouseMove={() => setActive(i)}
                className={cn(
                  "flex cursor-default items-center gap-2 rounded-sm px-2 py-1.5 text-sm",
                  i === active && "bg-accent text-accent-foreground",
                  o.id === "all" && "border-b",
                )}
              >
                <Check className={cn("size-4 shrink-0", o.id === current ? "opacity-100" : "opacity-0")} aria-hidden="true" />
                <span className="truncate">{o.name}</span>
              </li>
            ))}
          </ul>
          <p aria-live="polite" className="px-2 pt-1 text-xs text-muted-foreground empty:hidden">
            {remote.isError
              ? t("spacesFailed")
              : found.length === 0 && needle
                ? t("noSpaceMatch", { q: text.trim() })
                : matched > found.length
                  ? t("spacesShown", { shown: found.length, matched })
                  : null}
          </p>
        </PopoverContent>
      </Popover>
      {currentSpace?.sandbox ? <Badge variant="warning">{t("sandboxBadge")}</Badge> : null}
      {currentSpace && currentSpace.role !== "admin" ? (
        <Badge variant="outline" className="hidden sm:inline-flex">
          {currentSpace.role === "operator" ? t("roleOperator") : t("roleViewer")}
        </Badge>
      ) : null}
    </div>
  );
}
