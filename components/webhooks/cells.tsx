"use client";

import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { Flag } from "@/lib/schemas/webhooks";
import { cn } from "@/lib/utils";

const TAIL = 18;

/** A callback URL, shortened on screen but whole in the title and for copy-paste. */
export function UrlCell({ url, className }: { url: string | null; className?: string }) {
  const t = useTranslations("webhooks.table");
  if (!url) return <span className="text-muted-foreground">{t("notSet")}</span>;
  // The end of a callback URL (the path) is what tells two of them apart: when space runs out the
  // middle is cut, not the end. Both parts are in the DOM, so the text (and a screen reader) stays whole.
  const cut = url.length > 40 ? url.length - TAIL : url.length;
  return (
    <span className={cn("flex max-w-72 min-w-0 font-mono text-xs", className)} title={url}>
      <span className="truncate">{url.slice(0, cut)}</span>
      {cut < url.length ? <span className="shrink-0">{url.slice(cut)}</span> : null}
    </span>
  );
}

export function FlagBadge({ value }: { value: Flag }) {
  const t = useTranslations("webhooks.flag");
  return <Badge variant={value === "Y" ? "success" : "muted"}>{value === "Y" ? t("on") : t("off")}</Badge>;
}

// Distinct, AA-contrast tints for the first groups; later groups share the neutral style.
const GROUP_STYLES = [
  "border-sky-600/30 bg-sky-600/10 text-sky-800 dark:text-sky-300",
  "border-violet-600/30 bg-violet-600/10 text-violet-800 dark:text-violet-300",
  "border-amber-600/30 bg-amber-600/10 text-amber-900 dark:text-amber-300",
  "border-teal-600/30 bg-teal-600/10 text-teal-800 dark:text-teal-300",
  "border-rose-600/30 bg-rose-600/10 text-rose-800 dark:text-rose-300",
  "border-lime-600/30 bg-lime-600/10 text-lime-900 dark:text-lime-300",
];

/** "Group 2 · 5": numbers with identical settings carry the same chip; a one-off says "Unique". */
export function GroupChip({ index, count }: { index: number; count: number }) {
  const t = useTranslations("webhooks.table");
  if (count <= 1) return <Badge variant="outline">{t("unique")}</Badge>;
  return (
    <Badge variant="outline" className={GROUP_STYLES[(index - 1) % GROUP_STYLES.length]} title={t("sharedBy", { count })}>
      {t("groupChip", { index, count })}
    </Badge>
  );
}
