"use client";

import { Search } from "lucide-react";
import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { Button } from "@/components/ui/button";
import { useLazyDialog } from "@/components/use-lazy-dialog";

/** True when a key press is meant for a field, not for the page's shortcuts. */
const typing = (t: EventTarget | null) =>
  t instanceof HTMLElement && (t.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(t.tagName));

// The dialog (Radix's, the listbox, the query) loads when first wanted, not with every page:
// hovering or focusing the button fetches it ahead of the click.
const loadDialog = () => import("./search-dialog").then((m) => m.SearchDialog);
const SearchDialog = dynamic(loadDialog, { ssr: false });

/**
 * The header search: numbers (typed with any formatting), display names, spaces and CustSpaceIds,
 * QR messages and webhook URLs across every space the user may read, from the inventory. Opens
 * with Ctrl+K / ⌘K or "/", arrows move, Enter jumps there.
 */
export function GlobalSearch() {
  const t = useTranslations("search");
  const { open, setOpen, wanted, show, trigger, triggerProps } = useLazyDialog(loadDialog);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.key === "k" || e.key === "K") && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        show();
      } else if (e.key === "/" && !typing(e.target) && !e.ctrlKey && !e.metaKey && !e.altKey) {
        e.preventDefault();
        show();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [show]);

  return (
    <>
      <Button {...triggerProps} variant="outline" size="sm" className="gap-2 text-muted-foreground" aria-keyshortcuts="Control+K /">
        <Search className="size-4" aria-hidden="true" />
        <span className="hidden sm:inline">{t("open")}</span>
        <span className="sr-only sm:hidden">{t("open")}</span>
        <kbd className="hidden rounded border px-1 text-xs lg:inline">Ctrl K</kbd>
      </Button>
      {wanted ? <SearchDialog returnFocus={trigger} open={open} setOpen={setOpen} /> : null}
    </>
  );
}
