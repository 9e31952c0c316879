"use client";

import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";

const TONE = { AVAILABLE: "success", LIMITED: "warning", BLOCKED: "destructive" } as const;

/** CanSendMessage as a badge: the text says the state (colour is never the only cue); an unknown value shows as sent. */
export function HealthBadge({ value, checkedAt }: { value: string | null | undefined; checkedAt?: string }) {
  const t = useTranslations("profile.health");
  if (!value) return <span className="text-muted-foreground">—</span>;
  const known = value in TONE;
  return (
    <Badge
      variant={known ? TONE[value as keyof typeof TONE] : "outline"}
      data-testid="health-badge"
      data-health={value}
      title={checkedAt ? t("checkedAtTitle", { at: new Date(checkedAt).toLocaleString() }) : undefined}
    >
      {known ? t(`state.${value as keyof typeof TONE}`) : value}
    </Badge>
  );
}
