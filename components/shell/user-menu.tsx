"use client";

import { Check, KeyRound, Languages, LogOut, Monitor, Moon, ShieldCheck, Sun } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useTheme } from "next-themes";
import dynamic from "next/dynamic";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { useAuthErrorText } from "@/components/auth-error-text";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuSub,
  DropdownMenuSubContent,
  DropdownMenuSubTrigger,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { LOCALES } from "@/lib/i18n/config";
import { setLocaleAction } from "@/server/actions/preferences";
import { LOCALE_NAMES } from "./locale-switch";
import type { ShellUser } from "./app-shell";
import { UserMenuTrigger } from "./user-menu-trigger";

// Every dashboard page carries this menu, so what only its items need (the password form with
// react-hook-form and zod, the dialog, the auth library's client) loads when first wanted, not
// with the page: opening the menu fetches the form ahead of the click.
const loadPasswordDialog = () => import("./change-password-dialog").then((m) => m.ChangePasswordDialog);
const ChangePasswordDialog = dynamic(loadPasswordDialog);
const loadTwoFactorDialog = () => import("@/components/two-factor/two-factor-dialog").then((m) => m.TwoFactorDialog);
const TwoFactorDialog = dynamic(loadTwoFactorDialog);

/** `defaultOpen`: mounted by the first click on the button that stood in for it, so open at once. */
export function UserMenu({ user, defaultOpen = false }: { user: ShellUser; defaultOpen?: boolean }) {
  const t = useTranslations("shell");
  const tAccount = useTranslations("account");
  const tTwoFactor = useTranslations("twoFactor");
  const authErrorText = useAuthErrorText();
  const [changingPassword, setChangingPassword] = useState(false);
  // Mounted from the first opening on, so closing it still animates.
  const [passwordDialogUsed, setPasswordDialogUsed] = useState(false);
  const [twoFactorOpen, setTwoFactorOpen] = useState(false);
  const [twoFactorDialogUsed, setTwoFactorDialogUsed] = useState(false);
  const locale = useLocale();
  const { theme, setTheme } = useTheme();
  const router = useRouter();
  const themes = [
    { value: "light", label: t("light"), icon: Sun },
    { value: "dark", label: t("dark"), icon: Moon },
    { value: "system", label: t("system"), icon: Monitor },
  ];
  async function signOut() {
    let error;
    try {
      const { authClient } = await import("@/lib/auth-client");
      ({ error } = await authClient.signOut());
    } catch {
      error = { status: 0 };
    }
    // A refused sign-out leaves the session in place: say so instead of pretending.
    if (error) toast.error(tAccount("signOutFailed"), { description: authErrorText(error), duration: 20_000 });
    else window.location.assign("/sign-in");
  }
  return (
    <>
    <DropdownMenu defaultOpen={defaultOpen} onOpenChange={(o) => void (o && (loadPasswordDialog(), loadTwoFactorDialog()))}>
      <DropdownMenuTrigger asChild>
        <UserMenuTrigger user={user} />
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-60">
        <DropdownMenuLabel className="font-normal">
          <div className="truncate font-medium">{user.name}</div>
          <div className="truncate text-xs text-muted-foreground">{user.email}</div>
          {user.isAdmin ? <div className="text-xs text-muted-foreground">{t("admin")}</div> : null}
        </DropdownMenuLabel>
        <DropdownMenuSeparator />
        <DropdownMenuSub>
          <DropdownMenuSubTrigger>
            <Languages className="size-4" aria-hidden="true" />
            {t("language")}
          </DropdownMenuSubTrigger>
          <DropdownMenuSubContent>
            {LOCALES.map((l) => (
              <DropdownMenuItem
                key={l}
                lang={l}
                onSelect={async () => {
                  await setLocaleAction({ locale: l });
                  router.refresh();
                }}
              >
                {l === locale ? <Check className="size-4" aria-hidden="true" /> : <span className="size-4" />}
                {LOCALE_NAMES[l]}
              </DropdownMenuItem>
            ))}
          </DropdownMenuSubContent>
        </DropdownMenuSub>
        <DropdownMenuSub>
          <DropdownMenuSubTrigger>
            <Sun className="size-4" aria-hidden="true" />
            {t("theme")}
          </DropdownMenuSubTrigger>
          <DropdownMenuSubContent>
            {themes.map(({ value, label, icon: Icon }) => (
              <DropdownMenuItem key={value} onSelect={() => setTheme(value)}>
                <Icon className="size-4" aria-hidden="true" />
                {label}
                {theme === value ? <Check className="ml-auto size-4" aria-hidden="true" /> : null}
              </DropdownMenuItem>
            ))}
          </DropdownMenuSubContent>
        </DropdownMenuSub>
        <DropdownMenuSeparator />
        <DropdownMenuItem
          onSelect={() => {
            setPasswordDialogUsed(true);
            setChangingPassword(true);
          }}
        >
          <KeyRound className="size-4" aria-hidden="true" />
          {tAccount("changePassword")}
        </DropdownMenuItem>
        <DropdownMenuItem
          data-testid="two-factor-menu-item"
          onSelect={() => {
            setTwoFactorDialogUsed(true);
            setTwoFactorOpen(true);
          }}
        >
          <ShieldCheck className="size-4" aria-hidden="true" />
          {user.twoFactorEnabled ? tTwoFactor("menuOn") : tTwoFactor("menuOff")}
        </DropdownMenuItem>
        <DropdownMenuItem onSelect={signOut}>
          <LogOut className="size-4" aria-hidden="true" />
          {t("signOut")}
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
    {passwordDialogUsed ? <ChangePasswordDialog open={changingPassword} onOpenChange={setChangingPassword} /> : null}
    {twoFactorDialogUsed ? <TwoFactorDialog open={twoFactorOpen} onOpenChange={setTwoFactorOpen} enabled={!!user.twoFactorEnabled} /> : null}
    </>
  );
}
