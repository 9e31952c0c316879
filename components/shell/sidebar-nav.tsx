"use client";

import Link from "@/components/ui/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { cn } from "@/lib/utils";
import { hrefFor, navItemsFor } from "./nav";

export function SidebarNav({ space, isAdmin, onNavigate }: { space: string | null; isAdmin: boolean; onNavigate?: () => void }) {
  const t = useTranslations("nav");
  const pathname = usePathname();
  return (
    <nav aria-label={t("mainNavigation")} className="px-2">
      <ul className="space-y-1">
        {navItemsFor(isAdmin).map((item) => {
          const href = hrefFor(item, space);
          // Scoped sections sit at /s/<space>/<segment>; a number's QR tab is still "Phone numbers".
          const parts = pathname.split("/");
          const active = item.scoped ? parts[1] === "s" && parts[3] === item.segment : parts[1] === item.segment;
          const Icon = item.icon;
          return (
            <li key={item.key}>
              <Link
                href={href}
                onClick={onNavigate}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium text-sidebar-foreground transition-colors hover:bg-accent hover:text-accent-foreground focus-visible:outline-2 focus-visible:outline-ring",
                  active && "bg-accent text-accent-foreground",
                )}
              >
                <Icon className="size-4" aria-hidden="true" />
                {t(item.key)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
