"use client";

import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { SubmitButton } from "@/components/ui/submit-button";

/**
 * A settings form's footer: submit (only with something changed) and undo (back to what was
 * loaded). The parent passes `dirty` as it reads it, so react-hook-form tracks the flag there.
 */
export function SaveUndoButtons({ dirty, pending, onUndo, save, undo }: { dirty: boolean; pending: boolean; onUndo: () => void; save: ReactNode; undo: ReactNode }) {
  return (
    <div className="flex flex-wrap gap-2">
      <SubmitButton pending={pending} disabled={!dirty}>
        {save}
      </SubmitButton>
      <Button type="button" variant="ghost" disabled={!dirty || pending} onClick={onUndo}>
        {undo}
      </Button>
    </div>
  );
}
