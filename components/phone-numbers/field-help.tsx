"use client";

import { InfoHelp } from "@/components/ui/info-help";

/** An (i) button that explains a field: opens on tap, click, hover and focus; named for screen readers. */
export function FieldHelp({ label, children }: { label: string; children: React.ReactNode }) {
  return <InfoHelp label={label}>{children}</InfoHelp>;
}
