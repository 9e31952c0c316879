import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { ItemStatus, JobStatus } from "@/lib/schemas/bulk";

const JOB_TONE = { queued: "muted", running: "default", paused: "warning", cancelled: "secondary", done: "success" } as const;
const ITEM_TONE = { pending: "muted", running: "default", ok: "success", failed: "destructive", cancelled: "secondary" } as const;

/** A job's state; "done" with failures says so, since green alone would hide them. */
export function JobStatusBadge({ status, failed = 0 }: { status: JobStatus; failed?: number }) {
  const t = useTranslations("bulk.status");
  if (status === "done" && failed > 0) return <Badge variant="warning">{t("doneWithFailures")}</Badge>;
  return <Badge variant={JOB_TONE[status] ?? "outline"}>{t(status)}</Badge>;
}

export function ItemStatusBadge({ status }: { status: ItemStatus }) {
  const t = useTranslations("bulk.itemStatus");
  return <Badge variant={ITEM_TONE[status] ?? "outline"}>{t(status)}</Badge>;
}
