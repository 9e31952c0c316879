"use client";

import { Info } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { cn } from "@/lib/utils";

/**
 * An (i) button with a short explanation. Opens on tap or click (and stays open until tapped again,
 * Escape, or a tap elsewhere), and on hover or keyboard focus (closing when the pointer or focus
 * leaves). A Popover rather than a Tooltip: Radix tooltips close on tap, so phones could not read them.
 */
export function InfoHelp({ label, children, className }: { label: string; children: React.ReactNode; className?: string }) {
  const [open, setOpen] = useState(false);
  // Opened by a tap or click: hover and focus changes leave it open.
  const pinned = useRef(false);
  const closeTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(closeTimer.current), []);

  const show = () => {
    clearTimeout(closeTimer.current);
    setOpen(true);
  };
  const hideUnlessPinned = (delay: number) => {
    clearTimeout(closeTimer.current);
    if (pinned.current) return;
    closeTimer.current = setTimeout(() => setOpen(false), delay);
  };
  const onOpenChange = (next: boolean) => {
    // Radix asks to close on Escape and on a tap or focus outside.
    if (!next) pinned.current = false;
    setOpen(next);
  };
  const mouse = (e: React.PointerEvent) => e.pointerType === "mouse";

  return (
    <Popover open={open} onOpenChange={onOpenChange}>
      <PopoverTrigger asChild>
        <button
          type="button"
          aria-label={label}
          // Not a dialog: a few words of help, read as the trigger's tip.
          aria-haspopup={undefined}
          className={cn(
            "inline-flex size-5 items-center justify-center rounded-full text-muted-foreground hover:text-foreground focus-visible:outline-2 focus-visible:outline-ring",
            // A finger-sized target on touch screens, without moving the icon.
            "relative after:absolute after:-inset-2.5 after:content-[''] pointer-fine:after:hidden",
            className,
          )}
          onClick={(e) => {
            // A tap first focuses (opening it) and then clicks: the click pins it instead of closing it.
            e.preventDefault();
            if (open && pinned.current) {
              pinned.current = false;
              setOpen(false);
            } else {
              pinned.current = true;
              show();
            }
          }}
          onPointerEnter={(e) => mouse(e) && show()}
          onPointerLeave={(e) => mouse(e) && hideUnlessPinned(150)}
          onFocus={show}
          onBlur={() => hideUnlessPinned(0)}
        >
          <Info className="size-3.5" aria-hidden="true" />
        </button>
      </PopoverTrigger>
      <PopoverContent
        role="tooltip"
        side="top"
        className="w-auto max-w-sm px-3 py-2 text-left text-xs"
        // Focus stays on the (i) button: the text has nothing to operate.
        onOpenAutoFocus={(e) => e.preventDefault()}
        onCloseAutoFocus={(e) => e.preventDefault()}
        onPointerEnter={(e) => mouse(e) && show()}
        onPointerLeave={(e) => mouse(e) && hideUnlessPinned(150)}
      >
        {children}
      </PopoverContent>
    </Popover>
  );
}
