"use client";

import Link from "@/components/ui/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";
import { cn } from "@/lib/utils";

export interface LinkTab {
  href: string;
  label: string;
  /** Whether the tab is the open page (default: the path starts with its href). */
  active?: (pathname: string) => boolean;
}

/**
 * A tab bar whose tabs are routes (each one a page of its own). On a narrow screen the bar scrolls:
 * the open tab is kept in view, and the edge shadow shows there are more.
 */
export function LinkTabs({ label, tabs, testId }: { label: string; tabs: readonly LinkTab[]; testId?: string }) {
  const pathname = usePathname();
  const bar = useRef<HTMLElement>(null);
  useEffect(() => {
    const open = bar.current?.querySelector<HTMLElement>('[aria-current="page"]');
    if (bar.current && open) bar.current.scrollLeft = Math.max(0, open.offsetLeft + open.offsetWidth - bar.current.clientWidth);
  }, [pathname]);
  return (
    <nav ref={bar} aria-label={label} data-testid={testId} className="scroll-hint-x relative flex gap-1 overflow-x-auto border-b">
      {tabs.map((tab) => {
        const active = tab.active ? tab.active(pathname) : pathname.startsWith(tab.href);
        return (
          <Link
            key={tab.href}
            href={tab.href}
            aria-current={active ? "page" : undefined}
            className={cn(
              "-mb-px shrink-0 border-b-2 border-transparent px-2.5 py-2 sm:px-3 text-sm font-medium text-muted-foreground hover:text-foreground focus-visible:outline-2 focus-visible:outline-ring",
              active && "border-primary text-foreground",
            )}
          >
            {tab.label}
          </Link>
        );
      })}
    </nav>
  );
}
