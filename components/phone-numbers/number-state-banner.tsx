"use client";

import { CircleAlert, Info, TriangleAlert } from "lucide-react";
import { useTranslations } from "next-intl";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { numberState } from "@/lib/number-states";
import { useEnumLabel } from "./enum-badge";

/** What the number's state means and what to do next; nothing for a connected number. */
export function NumberStateBanner({ status, canWrite }: { status: string | null; canWrite: boolean }) {
  const t = useTranslations("numberState");
  const label = useEnumLabel();
  const state = numberState(status);
  if (state.severity === "none") return null;
  const Icon = state.severity === "destructive" ? CircleAlert : state.severity === "warning" ? TriangleAlert : Info;
  return (
    <Alert
      variant={state.severity === "destructive" ? "destructive" : state.severity === "warning" ? "warning" : "default"}
      role="status"
      data-testid="number-state-banner"
      data-state={state.key}
    >
      <Icon aria-hidden="true" />
      <AlertTitle>{t("title", { status: label("status", status) })}</AlertTitle>
      <AlertDescription>
        <p>{t(`${state.key}.meaning`)}</p>
        <p>
          <span className="font-medium">{t("nextLabel")}: </span>
          {t(`${state.key}.next`)}
        </p>
        {canWrite && state.actions.length === 0 ? <p>{t("noActions")}</p> : null}
      </AlertDescription>
    </Alert>
  );
}
