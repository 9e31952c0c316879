"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { cn } from "@/lib/utils";

const TABS = [
  { href: "/settings/users", key: "users" },
  { href: "/settings/spaces", key: "spaces" },
  { href: "/settings/accounts", key: "accounts" },
  { href: "/settings/operations", key: "operations" },
  { href: "/settings/alerts", key: "alerts" },
  { href: "/settings/network", key: "network" },
  { href: "/settings/sign-on", key: "signOn" },
] as const;

export function SettingsTabs() {
  const t = useTranslations("settings");
  const pathname = usePathname();
  return (
    <nav aria-label={t("title")} className="scroll-hint-x relative flex gap-1 overflow-x-auto border-b">
      {TABS.map((tab) => {
        const active = pathname.startsWith(tab.href);
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
            {t(tab.key)}
          </Link>
        );
      })}
    </nav>
  );
}
