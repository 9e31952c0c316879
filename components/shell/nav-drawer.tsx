"use client";

import { Dialog, DialogContent, DialogTitle } from "@/components/ui/dialog";

/**
 * The menu on narrow screens: a drawer from the left, full height, its rows from the top (the
 * dialog's grid would stretch them over the height). The shell loads it when first opened.
 */
export function NavDrawer({ open, onOpenChange, title, returnFocus, children }: { open: boolean; onOpenChange: (open: boolean) => void; title: string; returnFocus: React.RefObject<HTMLButtonElement | null>; children: React.ReactNode }) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent
        data-testid="nav-drawer"
        returnFocus={returnFocus}
        className="top-0 left-0 h-dvh max-h-dvh max-w-64 translate-x-0 translate-y-0 content-start gap-0 rounded-none p-0 sm:max-w-64"
      >
        <DialogTitle className="sr-only">{title}</DialogTitle>
        {children}
      </DialogContent>
    </Dialog>
  );
}
