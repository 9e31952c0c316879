"use client";

import * as React from "react";
import { useTheme } from "next-themes";
import { Toaster as Sonner, type ToasterProps } from "sonner";
import { CircleCheck, Info, LoaderCircle, OctagonX, TriangleAlert } from "lucide-react";

type SonnerTheme = NonNullable<ToasterProps["theme"]>;

function isSonnerTheme(value: string | undefined): value is SonnerTheme {
  return value === "light" || value === "dark" || value === "system";
}

/**
 * App-wide toaster, themed from next-themes. Pass translated `containerAriaLabel`
 * and `toastOptions.closeButtonAriaLabel` from the caller (sonner's defaults are English).
 */
function Toaster({ style, ...props }: ToasterProps) {
  const { theme } = useTheme();
  return (
    <Sonner
      theme={isSonnerTheme(theme) ? theme : "system"}
      className="toaster group"
      icons={{
        success: <CircleCheck className="size-4 text-success" aria-hidden="true" />,
        info: <Info className="size-4 text-primary" aria-hidden="true" />,
        warning: <TriangleAlert className="size-4 text-warning" aria-hidden="true" />,
        error: <OctagonX className="size-4 text-destructive" aria-hidden="true" />,
        loading: <LoaderCircle className="size-4 animate-spin text-muted-foreground" aria-hidden="true" />,
      }}
      style={
        {
          "--normal-bg": "var(--popover)",
          "--normal-text": "var(--popover-foreground)",
          "--normal-border": "var(--border)",
          "--border-radius": "var(--radius)",
          ...style,
        } as React.CSSProperties
      }
      {...props}
    />
  );
}

export { Toaster };
