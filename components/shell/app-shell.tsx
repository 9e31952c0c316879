"use client";

import { Menu } from "lucide-react";
import { useTranslations } from "next-intl";
import { useQuery } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { useParams } from "next/navigation";
import { Button } from "@/components/ui/button";
import { useLazyDialog } from "@/components/use-lazy-dialog";
import { Logo } from "./logo";
import { SidebarNav } from "./sidebar-nav";
import { SpaceSwitcher } from "./space-switcher";
import { shellSpaceQuery } from "./queries";
import type { ShellSpacesDto } from "@/lib/schemas/spaces";
import { LazyUserMenu } from "./user-menu-lazy";
import { GlobalSearch } from "@/components/search/global-search";
import { NotificationBell } from "@/components/notifications/notification-bell";

// The narrow screens' menu (Radix's dialog) loads when first wanted, not with every page.
const loadDrawer = () => import("./nav-drawer").then((m) => m.NavDrawer);
const NavDrawer = dynamic(loadDrawer, { ssr: false });

export interface ShellUser {
  name: string;
  email: string;
  isAdmin: boolean;
  /** Two-factor sign-in is on (the user menu offers to turn it off instead of setting it up). */
  twoFactorEnabled?: boolean;
}

export function AppShell({
  user,
  spaces,
  lastSpaceId,
  children,
}: {
  user: ShellUser;
  /** The first spaces by name and the remembered one (shellSpaces), not every space. */
  spaces: ShellSpacesDto;
  /** The remembered space, already checked to be readable ("all" only when the caller may). */
  lastSpaceId: string | null;
  children: React.ReactNode;
}) {
  const t = useTranslations();
  const params = useParams<{ space?: string }>();
  const drawer = useLazyDialog(loadDrawer);
  const canAll = user.isAdmin || spaces.total > 1;
  // A space in the URL was authorized by its layout; one the layout did not ship is looked up
  // (its name for the switcher), and when it is not readable the page is a 404 and the header
  // falls back to the remembered space.
  const urlSpace = params.space && params.space !== "all" ? params.space : null;
  const shipped = urlSpace ? spaces.spaces.find((s) => s.id === urlSpace) : undefined;
  const lookup = useQuery({ ...shellSpaceQuery(urlSpace ?? ""), enabled: !!urlSpace && !shipped });
  const urlInfo = shipped ?? (lookup.data ? (lookup.data.spaces[0] ?? null) : lookup.isError ? null : undefined);
  const fromUrl = params.space === "all" ? (canAll ? "all" : null) : urlSpace && urlInfo !== null ? urlSpace : null;
  const current = fromUrl ?? lastSpaceId ?? spaces.spaces[0]?.id ?? null;
  const currentSpace = current === fromUrl && urlSpace ? urlInfo : spaces.spaces.find((s) => s.id === current) ?? null;

  const brand = (
    <div className="flex items-center gap-2 px-3 py-4">
      <Logo />
      <span className="font-semibold">{t("app.name")}</span>
    </div>
  );

  return (
    <div className="flex min-h-screen">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:z-50 focus:m-2 focus:rounded focus:bg-background focus:p-2">
        {t("common.skipToContent")}
      </a>
      <aside className="hidden w-60 shrink-0 border-r bg-sidebar md:block">
        {brand}
        <SidebarNav space={current} isAdmin={user.isAdmin} />
      </aside>
      {drawer.wanted ? (
        <NavDrawer open={drawer.open} onOpenChange={drawer.setOpen} title={t("nav.mainNavigation")} returnFocus={drawer.trigger}>
          {brand}
          <SidebarNav space={current} isAdmin={user.isAdmin} onNavigate={() => drawer.setOpen(false)} />
        </NavDrawer>
      ) : null}
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="sticky top-0 z-30 flex h-14 items-center gap-2 border-b bg-background/95 px-3 backdrop-blur md:px-6">
          <Button {...drawer.triggerProps} variant="ghost" size="icon" className="md:hidden" aria-label={t("nav.openMenu")}>
            <Menu className="size-5" />
          </Button>
          <SpaceSwitcher shell={spaces} current={current} currentSpace={currentSpace} canAll={canAll} />
          <div className="ml-auto flex items-center gap-2">
            <GlobalSearch />
            <NotificationBell />
            <LazyUserMenu user={user} />
          </div>
        </header>
        <main id="main" className="min-w-0 flex-1 px-3 py-6 md:px-6">
          {children}
        </main>
      </div>
    </div>
  );
}
