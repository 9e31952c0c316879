"use client";

import { CircleUser } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import type { ShellUser } from "./app-shell";

/** The user menu's button; components/shell/user-menu-lazy.tsx shows it until the menu itself is wanted. */
export function UserMenuTrigger({ user, ...props }: { user: ShellUser } & React.ComponentProps<typeof Button>) {
  const t = useTranslations("shell");
  return (
    <Button variant="ghost" className="gap-2" aria-label={t("userMenu")} aria-haspopup="menu" data-testid="user-menu" {...props}>
      <CircleUser className="size-5" aria-hidden="true" />
      <span className="hidden max-w-40 truncate sm:inline">{user.name}</span>
    </Button>
  );
}
