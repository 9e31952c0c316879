"use client";

import { RotateCw } from "lucide-react";
import { useTranslations } from "next-intl";
import { ActionErrorAlert } from "@/components/action-error";
import { Button } from "@/components/ui/button";
import { GENERIC_ERROR_MESSAGE, type ActionServerError } from "@/lib/action-error";
import { HttpError } from "@/lib/query-client";

/** A failed GET as the explained-error shape (the routes answer with {message, code, requestId}). */
export function readError(err: unknown): ActionServerError {
  if (err instanceof HttpError && err.body && typeof err.body === "object" && "message" in err.body) return err.body as ActionServerError;
  return { message: GENERIC_ERROR_MESSAGE, ref: "—" };
}

/** A failed read, explained (CAMS code and request id when CAMS refused), with a way to try again. */
export function ReadFailed({ error, onRetry }: { error: ActionServerError; onRetry: () => void }) {
  const t = useTranslations("common");
  return (
    <div className="space-y-2">
      <ActionErrorAlert error={error} />
      <Button type="button" variant="outline" size="sm" onClick={onRetry}>
        <RotateCw aria-hidden="true" />
        {t("retry")}
      </Button>
    </div>
  );
}
