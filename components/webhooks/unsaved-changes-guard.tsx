"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { ConfirmDialog } from "@/components/confirm-dialog";

/** The in-app destination of a plain left click on a link, or null when the click is not a navigation away from this page. */
export function leavingHref(e: MouseEvent, here: Location): string | null {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return null;
  const a = e.target instanceof Element ? e.target.closest("a[href]") : null;
  if (!(a instanceof HTMLAnchorElement) || (a.target && a.target !== "_self") || a.hasAttribute("download")) return null;
  const url = new URL(a.href, here.href);
  // Another site is a full page load: the browser's own beforeunload prompt covers it.
  if (url.origin !== here.origin) return null;
  if (url.pathname === here.pathname && url.search === here.search) return null;
  return url.pathname + url.search + url.hash;
}

/**
 * While `dirty`, leaving the page asks first: a link inside the app (the number's tabs, the
 * sidebar, breadcrumbs) opens "Keep editing / Discard changes"; closing or reloading the browser
 * tab gets the browser's prompt. Clicks are caught on window in the capture phase, before Next's
 * Link handler runs, so the route never changes until the user chose to discard.
 */
export function UnsavedChangesGuard({ dirty }: { dirty: boolean }) {
  const t = useTranslations("webhooks.unsaved");
  const router = useRouter();
  const [href, setHref] = useState<string | null>(null);

  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      // Older browsers show the prompt only when returnValue is set.
      e.returnValue = "";
    };
    const onClick = (e: MouseEvent) => {
      const next = leavingHref(e, window.location);
      if (!next) return;
      e.preventDefault();
      e.stopPropagation();
      setHref(next);
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    window.addEventListener("click", onClick, true);
    return () => {
      window.removeEventListener("beforeunload", onBeforeUnload);
      window.removeEventListener("click", onClick, true);
    };
  }, [dirty]);

  return (
    <ConfirmDialog
      open={href !== null}
      onOpenChange={(open) => !open && setHref(null)}
      title={t("title")}
      description={t("description")}
      cancelLabel={t("keep")}
      confirmLabel={t("discard")}
      destructive
      onConfirm={() => {
        if (href) router.push(href);
      }}
    />
  );
}
