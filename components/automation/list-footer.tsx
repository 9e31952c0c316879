"use client";

import { Plus } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

/**
 * Below an editable list (ice breakers, commands): the list's own error (too many, duplicates), in
 * words when it is a message key, and the add button with its count against the limit.
 */
export function ListFooter({ error, readOnly, count, max, addLabel, onAdd }: { error: string | undefined; readOnly: boolean; count: number; max: number; addLabel: string; onAdd: () => void }) {
  const tv = useTranslations();
  return (
    <>
      {error ? (
        <p role="alert" className="text-sm text-destructive">
          {tv.has(error) ? tv(error) : error}
        </p>
      ) : null}
      {readOnly ? null : (
        <Button type="button" variant="outline" size="sm" disabled={count >= max} onClick={onAdd}>
          <Plus aria-hidden="true" />
          {addLabel}
          <span className="text-muted-foreground tabular-nums">
            {count}/{max}
          </span>
        </Button>
      )}
    </>
  );
}
