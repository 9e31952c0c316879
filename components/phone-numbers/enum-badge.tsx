import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/lib/utils";
import { isLabelKey, toneOf, type EnumKind } from "./enum-values";

/** The label of a known value in the UI language; an unknown one exactly as CAMS sent it. */
export function useEnumLabel() {
  const t = useTranslations("phoneNumbers.values");
  return (kind: EnumKind, value: string | null | undefined): string => {
    if (!value) return "—";
    const key = `${kind}.${value}`;
    return isLabelKey(value) && t.has(key) ? t(key) : value;
  };
}

const DOT: Record<string, string> = {
  success: "bg-success",
  warning: "bg-warning",
  destructive: "bg-destructive",
  muted: "bg-muted-foreground/50",
  outline: "bg-muted-foreground/50",
};

/** A coloured badge for a status-like value; the colour is never the only cue (the text says it too). */
export function EnumBadge({ kind, value, className }: { kind: EnumKind; value: string | null | undefined; className?: string }) {
  const label = useEnumLabel();
  if (!value) return <span className="text-muted-foreground">—</span>;
  const tone = toneOf(kind, value);
  const text = label(kind, value);
  return (
    <Badge variant={tone} className={cn(kind === "tier" && "font-mono", className)} title={text === value ? undefined : value}>
      {kind === "quality" ? <span aria-hidden="true" className={cn("size-2 rounded-full", DOT[tone])} /> : null}
      {text}
    </Badge>
  );
}
