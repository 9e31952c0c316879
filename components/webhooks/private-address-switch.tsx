"use client";

import { useAction } from "next-safe-action/hooks";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { toast } from "sonner";
import { useToastActionError } from "@/components/action-error";
import { Switch } from "@/components/ui/switch";
import { setAllowPrivateWebhooksAction } from "@/server/actions/webhooks";

/** Admin-only: whether test deliveries may go to loopback, private and link-local addresses. */
export function PrivateAddressSwitch({ initial }: { initial: boolean }) {
  const t = useTranslations("webhooks.privateSwitch");
  const id = useId();
  const [allowed, setAllowed] = useState(initial);
  const toastError = useToastActionError();
  const action = useAction(setAllowPrivateWebhooksAction, {
    onSuccess: ({ data }) => {
      if (!data) return;
      setAllowed(data.allow);
      toast.success(data.allow ? t("turnedOn") : t("turnedOff"));
    },
    onError: ({ error }) => toastError(error.serverError, t("failed")),
  });
  return (
    <section className="flex items-start justify-between gap-4 rounded-lg border bg-card p-4" aria-labelledby={`${id}-label`} data-testid="private-address-switch">
      <div className="space-y-1">
        <label id={`${id}-label`} htmlFor={id} className="text-sm font-medium">
          {t("title")}
        </label>
        <p id={`${id}-desc`} className="text-sm text-muted-foreground">
          {t("description")}
        </p>
        <p className="text-xs text-muted-foreground">{t("adminOnly")}</p>
      </div>
      <Switch
        id={id}
        checked={allowed}
        disabled={action.isPending}
        aria-describedby={`${id}-desc`}
        aria-busy={action.isPending || undefined}
        onCheckedChange={(allow) => action.execute({ allow })}
      />
    </section>
  );
}
