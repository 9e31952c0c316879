"use client";

import { useTranslations } from "next-intl";
import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { useToastActionError } from "@/components/action-error";
import { Button } from "@/components/ui/button";
import { resetUserTwoFactorAction } from "@/server/actions/two-factor";

/** Settings → Users: turn another user's two-factor off (they lost their phone and their recovery codes). */
export function ResetTwoFactorButton({ userId, email }: { userId: string; email: string }) {
  const t = useTranslations("twoFactor");
  const router = useRouter();
  const toastError = useToastActionError();
  const reset = useAction(resetUserTwoFactorAction, {
    onSuccess: () => {
      toast.success(t("resetDone", { email }));
      router.refresh();
    },
    onError: ({ error }) => toastError(error.serverError, t("resetFailed")),
  });
  return (
    <ConfirmDialog
      trigger={
        <Button variant="outline" size="sm" aria-label={`${t("reset")}: ${email}`}>
          {t("reset")}
        </Button>
      }
      title={t("resetTitle", { email })}
      description={t("resetBody")}
      confirmLabel={t("reset")}
      destructive
      onConfirm={() => reset.executeAsync({ userId })}
    />
  );
}
