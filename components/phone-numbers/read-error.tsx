"use client";

import { RotateCw } from "lucide-react";
import { useTranslations } from "next-intl";
import { ActionErrorAlert } from "@/components/action-error";
import { Button } from "@/components/ui/button";
import type { ReadError } from "@/lib/schemas/phone-numbers";

/** A failed read: the CAMS code explained, its request id, and a way to try again. */
export function ReadErrorPanel({ error, onRetry, retrying }: { error: ReadError; onRetry: () => void; retrying?: boolean }) {
  const t = useTranslations("common");
  return (
    <div className="space-y-3" data-testid="read-error">
      <ActionErrorAlert error={error} />
      <Button variant="outline" size="sm" onClick={onRetry} disabled={retrying} aria-busy={retrying || undefined}>
        <RotateCw className={retrying ? "animate-spin" : undefined} aria-hidden="true" />
        {t("retry")}
      </Button>
    </div>
  );
}
