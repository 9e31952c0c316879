"use client";

import { useCallback, useRef, useState } from "react";

/**
 * A dialog whose code loads when first wanted (`next/dynamic`): `load` fetches it, and hovering
 * or focusing the button that opens it fetches it ahead of the click. `wanted` turns true at the
 * first opening and stays so, so closing plays out and reopening is at once; `trigger` is the
 * button focus goes back to (without a Radix trigger the dialog does not know it).
 */
export function useLazyDialog(load: () => unknown) {
  const [open, setOpen] = useState(false);
  const [wanted, setWanted] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  const show = useCallback(() => {
    setWanted(true);
    setOpen(true);
  }, []);
  const preload = () => void load();
  return {
    open,
    setOpen,
    wanted,
    show,
    trigger,
    /** Spread on the opening button. */
    triggerProps: {
      ref: trigger,
      "aria-haspopup": "dialog" as const,
      "aria-expanded": open,
      onPointerEnter: preload,
      onFocus: preload,
      onClick: show,
    },
  };
}
