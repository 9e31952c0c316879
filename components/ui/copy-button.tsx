"use client";

import * as React from "react";
import { Check, Copy } from "lucide-react";

import { cn } from "@/lib/utils";
import { Button, type ButtonProps } from "@/components/ui/button";

type CopyButtonProps = Omit<ButtonProps, "asChild" | "onClick" | "children" | "onError"> & {
  /** Text written to the clipboard. */
  text: string;
  /** Accessible label (and tooltip text), e.g. "Copy phone number". */
  label: string;
  /** Label announced / shown after a successful copy, e.g. "Copied". */
  copiedLabel: string;
  /** Render the label visibly next to the icon (default: icon-only). */
  showLabel?: boolean;
  onCopied?: () => void;
  onCopyError?: (error: unknown) => void;
};

const RESET_MS = 2000;

async function writeClipboard(text: string): Promise<void> {
  if (typeof navigator !== "undefined" && navigator.clipboard && window.isSecureContext) {
    await navigator.clipboard.writeText(text);
    return;
  }
  // Fallback for non-secure contexts (plain http on a LAN address).
  const textarea = document.createElement("textarea");
  textarea.value = text;
  textarea.setAttribute("readonly", "");
  textarea.style.position = "fixed";
  textarea.style.opacity = "0";
  document.body.appendChild(textarea);
  textarea.select();
  try {
    if (!document.execCommand("copy")) {
      throw new Error("Copy command was rejected");
    }
  } finally {
    document.body.removeChild(textarea);
  }
}

function CopyButton({
  text,
  label,
  copiedLabel,
  showLabel = false,
  onCopied,
  onCopyError,
  variant = "ghost",
  size,
  className,
  ...props
}: CopyButtonProps) {
  const [copied, setCopied] = React.useState(false);
  const timer = React.useRef<ReturnType<typeof setTimeout> | null>(null);

  React.useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  const handleClick = async () => {
    try {
      await writeClipboard(text);
      setCopied(true);
      onCopied?.();
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => setCopied(false), RESET_MS);
    } catch (error) {
      onCopyError?.(error);
    }
  };

  const current = copied ? copiedLabel : label;
  const Icon = copied ? Check : Copy;

  return (
    <>
      <Button
        data-slot="copy-button"
        data-copied={copied || undefined}
        variant={variant}
        size={size ?? (showLabel ? "sm" : "icon")}
        aria-label={showLabel ? undefined : current}
        title={showLabel ? undefined : current}
        className={cn(!showLabel && size == null && "size-8", className)}
        onClick={handleClick}
        {...props}
      >
        <Icon className={cn(copied && "text-success")} aria-hidden="true" />
        {showLabel ? <span>{current}</span> : null}
      </Button>
      {/* Polite announcement of the successful copy for screen-reader users. */}
      <span className="sr-only" role="status" aria-live="polite">
        {copied ? copiedLabel : ""}
      </span>
    </>
  );
}

/** A value shown as code with its copy button beside it (a secret shown once, a redirect URI). */
function CopyableCode({
  value,
  copyText,
  label,
  copiedLabel,
  testId,
  className,
}: {
  value: string;
  /** What is copied, when it differs from what is shown (a secret grouped for reading). */
  copyText?: string;
  label: string;
  copiedLabel: string;
  testId?: string;
  className?: string;
}) {
  return (
    <div className="flex items-center gap-2">
      <code className={cn("font-mono break-all", className)} data-testid={testId}>
        {value}
      </code>
      <CopyButton text={copyText ?? value} label={label} copiedLabel={copiedLabel} />
    </div>
  );
}

export { CopyableCode, CopyButton, type CopyButtonProps };
