"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import { cn } from "@/lib/utils";

/** Each tab is a nested route under the number, so another feature fills its own folder. */
const TABS = [
  { segment: "", key: "overview" },
  { segment: "/encryption-key", key: "encryptionKey" },
  { segment: "/qr-codes", key: "qrCodes" },
  { segment: "/webhook", key: "webhook" },
  { segment: "/profile", key: "profile" },
  { segment: "/automation", key: "automation" },
  { segment: "/messages", key: "messages" },
  { segment: "/history", key: "history" },
] as const;

export function NumberTabs({ base }: { base: string }) {
  const t = useTranslations("phoneNumbers.tabs");
  const pathname = usePathname();
  const bar = useRef<HTMLElement>(null);
  // On a narrow screen the bar scrolls: keep the open tab in view (the edge shadow shows there are more).
  useEffect(() => {
    const active = bar.current?.querySelector<HTMLElement>('[aria-current="page"]');
    if (bar.current && active) bar.current.scrollLeft = Math.max(0, active.offsetLeft + active.offsetWidth - bar.current.clientWidth);
  }, [pathname]);
  return (
    <nav ref={bar} aria-label={t("label")} data-testid="number-tabs" className="scroll-hint-x relative flex gap-1 overflow-x-auto border-b">
      {TABS.map((tab) => {
        const href = base + tab.segment;
        const active = tab.segment ? pathname.startsWith(href) : pathname === base;
        return (
          <Link
            key={tab.key}
            href={href}
            aria-current={active ? "page" : undefined}
            className={cn(
              "-mb-px shrink-0 border-b-2 border-transparent px-2.5 py-2 sm:px-3 text-sm font-medium text-muted-foreground hover:text-foreground focus-visible:outline-2 focus-visible:outline-ring",
              active && "border-primary text-foreground",
            )}
          >
            {t(tab.key)}
          </Link>
        );
      })}
    </nav>
  );
}
