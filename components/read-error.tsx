"use client";

import { RotateCw } from "lucide-react";
import { useTranslations } from "next-intl";
import { ActionErrorAlert } from "@/components/action-error";
import { Button } from "@/components/ui/button";
import type { ActionServerError } from "@/lib/action-error";
import { HttpError } from "@/lib/query-client";

/**
 * The explained error of a failed GET: the route's body (server/safe-error.ts `errorResponse`),
 * or, when the server sent none, what went wrong on the way, by message key.
 */
export function readErrorOf(err: unknown): ActionServerError | undefined {
  if (!err) return undefined;
  if (err instanceof HttpError) {
    const body = err.body as ActionServerError | undefined;
    return body?.message ? body : { message: err.message, key: "badAnswer", params: { status: err.status }, httpStatus: err.status };
  }
  return { message: (err as Error).message ?? String(err), key: "noAnswer" };
}

/** A failed read: the CAMS code explained, its request id, and a way to try again. */
export function ReadErrorPanel({ error, onRetry, retrying }: { error: ActionServerError; onRetry: () => void; retrying?: boolean }) {
  const t = useTranslations("common");
  return (
    <div className="space-y-3" data-testid="read-error">
      <ActionErrorAlert error={error} />
      <Button type="button" variant="outline" size="sm" onClick={onRetry} disabled={retrying} aria-busy={retrying || undefined}>
        <RotateCw className={retrying ? "animate-spin" : undefined} aria-hidden="true" />
        {t("retry")}
      </Button>
    </div>
  );
}
