import Link from "@/components/ui/link";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { auditTargetView } from "@/lib/audit-display";
import { formatPhoneNumber } from "@/lib/phone";
import type { AuditEventDto } from "@/lib/schemas/audit";

const OUTCOME = {
  ok: { key: "outcomeOk", variant: "success" },
  error: { key: "outcomeError", variant: "destructive" },
  denied: { key: "outcomeDenied", variant: "warning" },
} as const;

/** One word per outcome (the filter's words), in the table and in the details. */
export function OutcomeBadge({ outcome }: { outcome: string }) {
  const t = useTranslations("audit");
  const o = OUTCOME[outcome as keyof typeof OUTCOME];
  return <Badge variant={o?.variant ?? "outline"}>{o ? t(o.key) : outcome}</Badge>;
}

/** The target: a formatted number linked to its page, the whole space, the settings, or the stored text. */
export function AuditTarget({ event, className }: { event: AuditEventDto; className?: string }) {
  const t = useTranslations("audit");
  const view = auditTargetView(event);
  switch (view.kind) {
    case "none":
      return <span className={className}>—</span>;
    case "space":
      return <span className={className}>{t("targetSpace")}</span>;
    case "settings":
      return <span className={className}>{t("targetSettings")}</span>;
    case "text":
      return <span className={`font-mono text-xs ${className ?? ""}`}>{view.text}</span>;
    case "phone": {
      const text = formatPhoneNumber(view.phone);
      if (!view.href) return <span className={`tabular-nums ${className ?? ""}`}>{text}</span>;
      return (
        <Link
          href={view.href}
          className={`tabular-nums underline-offset-4 hover:underline focus-visible:outline-2 focus-visible:outline-ring ${className ?? ""}`}
        >
          {text}
        </Link>
      );
    }
  }
}
