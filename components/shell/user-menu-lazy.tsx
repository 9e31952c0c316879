"use client";

import dynamic from "next/dynamic";
import { useState } from "react";
import type { ShellUser } from "./app-shell";
import { UserMenuTrigger } from "./user-menu-trigger";

// Every dashboard page carries the user menu: its dropdown (Radix's menu, the theme and language
// items) loads when first wanted, not with the page. Hovering or focusing the button fetches it.
const loadMenu = () => import("./user-menu").then((m) => m.UserMenu);
const UserMenu = dynamic(loadMenu, { ssr: false });

/** The user menu's button until it is first clicked; then the menu, open. */
export function LazyUserMenu({ user }: { user: ShellUser }) {
  const [wanted, setWanted] = useState(false);
  if (wanted) return <UserMenu user={user} defaultOpen />;
  return <UserMenuTrigger user={user} onPointerEnter={() => void loadMenu()} onFocus={() => void loadMenu()} onClick={() => void loadMenu().then(() => setWanted(true))} />;
}
