"use client";

import { ChevronLeft, ChevronRight } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

/**
 * "1–50 of 1,000" with previous/next. Each list keeps its own wording: `messages` names a
 * namespace with the keys pagination, showing, previous, pageOf and next.
 */
export function Pagination({
  page,
  pages,
  total,
  pageSize,
  onPage,
  messages,
  countTestId,
}: {
  page: number;
  pages: number;
  total: number;
  pageSize: number;
  onPage: (page: number) => void;
  messages: "phoneNumbers.list" | "qrCodes.list";
  countTestId?: string;
}) {
  const t = useTranslations(messages);
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  return (
    <nav aria-label={t("pagination")} className="flex flex-wrap items-center justify-between gap-2 text-sm">
      <p className="text-muted-foreground" aria-live="polite" data-testid={countTestId}>
        {t("showing", { from, to, total })}
      </p>
      <PageStepper page={page} pages={pages} onPage={onPage} messages={messages} />
    </nav>
  );
}

/** Previous, "Page 2 of 5", next; nothing when there is one page. */
export function PageStepper({
  page,
  pages,
  onPage,
  messages,
}: {
  page: number;
  pages: number;
  onPage: (page: number) => void;
  messages: "phoneNumbers.list" | "qrCodes.list" | "bulk.items";
}) {
  const t = useTranslations(messages);
  if (pages <= 1) return null;
  return (
    <div className="flex items-center gap-2">
      <Button variant="outline" size="sm" onClick={() => onPage(page - 1)} disabled={page <= 1}>
        <ChevronLeft aria-hidden="true" />
        {t("previous")}
      </Button>
      <span className="tabular-nums">{t("pageOf", { page, pages })}</span>
      <Button variant="outline" size="sm" onClick={() => onPage(page + 1)} disabled={page >= pages}>
        {t("next")}
        <ChevronRight aria-hidden="true" />
      </Button>
    </div>
  );
}
