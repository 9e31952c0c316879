"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useRef } from "react";
import { toast } from "sonner";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { authClient } from "@/lib/auth-client";
import { PasswordStep } from "./password-step";
import { TwoFactorSetup } from "./two-factor-setup";

/** Two-factor sign-in from the user menu: set it up, or turn it off with the password. */
export function TwoFactorDialog({ open, onOpenChange, enabled }: { open: boolean; onOpenChange: (open: boolean) => void; enabled: boolean }) {
  const t = useTranslations("twoFactor");
  const router = useRouter();
  // Two-factor went on while the recovery codes are still shown: the shell learns it on close.
  const changed = useRef(false);
  const close = () => {
    onOpenChange(false);
    if (changed.current) router.refresh();
    changed.current = false;
  };
  const done = (message: string) => {
    toast.success(message);
    changed.current = true;
    close();
  };
  return (
    <Dialog open={open} onOpenChange={(o) => (o ? onOpenChange(true) : close())}>
      <DialogContent closeLabel={t("close")}>
        <DialogHeader>
          <DialogTitle>{t("title")}</DialogTitle>
          <DialogDescription>{enabled ? t("onDescription") : t("offDescription")}</DialogDescription>
        </DialogHeader>
        {open ? (
          enabled ? (
            <PasswordStep
              destructive
              submitLabel={t("turnOff")}
              run={async (password) => {
                const { error } = await authClient.twoFactor.disable({ password });
                if (!error) done(t("turnedOff"));
                return error;
              }}
            />
          ) : (
            <TwoFactorSetup onDone={() => done(t("turnedOn"))} onEnabled={() => (changed.current = true)} />
          )
        ) : null}
      </DialogContent>
    </Dialog>
  );
}
