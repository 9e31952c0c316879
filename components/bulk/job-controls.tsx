"use client";

import { Download, Pause, Play, RotateCcw, Square } from "lucide-react";
import { useAction } from "next-safe-action/hooks";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { useToastActionError } from "@/components/action-error";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { Button, buttonVariants } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import type { JobProgress } from "@/lib/schemas/bulk";
import { cancelBulkJobAction, pauseBulkJobAction, resumeBulkJobAction, retryFailedBulkJobAction } from "@/server/actions/bulk";
import { useInvalidateJobs } from "./queries";

/** Pause, resume, cancel (confirmed), retry the failed numbers, and the CSV export. */
export function JobControls({ job }: { job: JobProgress }) {
  const t = useTranslations("bulk.job");
  const invalidate = useInvalidateJobs();
  const toastError = useToastActionError();
  const opts = (done: string) => ({
    onSuccess: () => {
      toast.success(done);
      void invalidate(job.id);
    },
    onError: ({ error }: { error: { serverError?: Parameters<typeof toastError>[0] } }) => toastError(error.serverError, t("actionFailed")),
  });
  const pause = useAction(pauseBulkJobAction, opts(t("pausedToast")));
  const resume = useAction(resumeBulkJobAction, opts(t("resumedToast")));
  const cancel = useAction(cancelBulkJobAction, opts(t("cancelledToast")));
  const retry = useAction(retryFailedBulkJobAction, opts(t("retryToast")));
  const busy = pause.isPending || resume.isPending || cancel.isPending || retry.isPending;
  const open = job.status === "queued" || job.status === "running" || job.status === "paused";
  const ref = { jobId: job.id };

  return (
    <div className="flex flex-wrap items-center gap-2">
      {job.status === "queued" || job.status === "running" ? (
        <Button variant="outline" onClick={() => pause.execute(ref)} disabled={busy}>
          {pause.isPending ? <Spinner /> : <Pause aria-hidden="true" />}
          {t("pause")}
        </Button>
      ) : null}
      {job.status === "paused" ? (
        <Button onClick={() => resume.execute(ref)} disabled={busy}>
          {resume.isPending ? <Spinner /> : <Play aria-hidden="true" />}
          {t("resume")}
        </Button>
      ) : null}
      {open ? (
        <ConfirmDialog
          trigger={
            <Button variant="outline" disabled={busy}>
              {cancel.isPending ? <Spinner /> : <Square aria-hidden="true" />}
              {t("cancel")}
            </Button>
          }
          title={t("cancelTitle")}
          description={t("cancelBody", { remaining: job.pending + job.running })}
          confirmLabel={t("cancelConfirm")}
          destructive
          onConfirm={() => cancel.executeAsync(ref)}
        />
      ) : null}
      {job.failed > 0 ? (
        <Button variant="outline" onClick={() => retry.execute(ref)} disabled={busy}>
          {retry.isPending ? <Spinner /> : <RotateCcw aria-hidden="true" />}
          {t("retryFailed", { n: job.failed })}
        </Button>
      ) : null}
      <a href={`/api/bulk/jobs/${encodeURIComponent(job.id)}/csv`} download className={buttonVariants({ variant: "ghost" })}>
        <Download aria-hidden="true" />
        {t("exportCsv")}
      </a>
    </div>
  );
}
