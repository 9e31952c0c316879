"use client";

import * as React from "react";
import { useFormStatus } from "react-dom";

import { Button, type ButtonProps } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";

type SubmitButtonProps = Omit<ButtonProps, "asChild" | "type"> & {
  /**
   * Pending state. When omitted, falls back to the enclosing `<form action>`'s
   * status (React `useFormStatus`).
   */
  pending?: boolean;
};

/**
 * Submit button that shows a spinner and is disabled while pending. The label
 * (children) stays rendered, so its accessible name does not change; `aria-busy`
 * signals the pending state.
 */
function SubmitButton({ pending, disabled, children, className, ...props }: SubmitButtonProps) {
  const status = useFormStatus();
  const isPending = pending ?? status.pending;
  return (
    <Button
      type="submit"
      data-slot="submit-button"
      data-pending={isPending || undefined}
      disabled={isPending || disabled}
      aria-busy={isPending || undefined}
      className={className}
      {...props}
    >
      {isPending ? <Spinner /> : null}
      {children}
    </Button>
  );
}

export { SubmitButton, type SubmitButtonProps };
