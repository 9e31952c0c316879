"use client";

import { charCount } from "@/lib/text-length";
import { cn } from "@/lib/utils";

/** "12/80", live, in the counting the limits use (code points); red past the limit. */
export function CharCounter({ value, max, id }: { value: string; max: number; id?: string }) {
  const n = charCount(value.trim());
  return (
    <span id={id} aria-live="polite" className={cn("shrink-0 text-xs tabular-nums text-muted-foreground", n > max && "font-medium text-destructive")}>
      {n}/{max}
    </span>
  );
}
