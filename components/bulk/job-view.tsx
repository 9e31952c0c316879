"use client";

import { ArrowLeft } from "lucide-react";
import Link from "@/components/ui/link";
import { useFormatter, useTranslations } from "next-intl";
import { parseAsStringLiteral, useQueryStates } from "nuqs";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { ITEM_FILTERS } from "@/lib/schemas/bulk";
import { LIST_URL_OPTIONS, parseAsPage } from "@/lib/url-state";
import { HeldAfter } from "./held-after";
import { JobChangeList } from "./job-change";
import { JobControls } from "./job-controls";
import { JobFigures } from "./job-figures";
import { JobItems } from "./job-items";
import { JobStatusBadge } from "./job-status-badge";
import { useJobPage } from "./queries";

const itemParsers = { filter: parseAsStringLiteral(ITEM_FILTERS).withDefault("all"), page: parseAsPage };

/** A job's page: live progress and rows (one poll), its controls, what it changes and every number's outcome. */
export function JobView({ jobId }: { jobId: string }) {
  const t = useTranslations("bulk");
  const format = useFormatter();
  // The item filter and page live in the URL, so a link to a job's failures opens on them.
  const [{ filter, page }, setView] = useQueryStates(itemParsers, LIST_URL_OPTIONS);
  const q = useJobPage(jobId, filter, page);
  // Always there: the page prefetched the first view, and another filter or page keeps the last
  // answer shown until its own arrives.
  const job = q.data?.job;
  if (!job) return null;
  return (
    <div className="space-y-6">
      <Button asChild variant="ghost" size="sm" className="-ml-2">
        <Link href="/bulk">
          <ArrowLeft aria-hidden="true" />
          {t("job.back")}
        </Link>
      </Button>
      <PageHeader
        title={t("jobTitle", { kind: t(`kinds.${job.kind}`), count: job.total })}
        description={t("job.createdBy", {
          email: job.createdByEmail,
          at: format.dateTime(new Date(job.createdAt), { dateStyle: "medium", timeStyle: "short" }),
          spaces: job.spaces,
        })}
        actions={<JobControls job={job} />}
      >
        <div className="flex items-center gap-2 pt-1" aria-live="polite" data-testid="job-status">
          <JobStatusBadge status={job.status} failed={job.failed} />
          {job.status === "paused" ? <span className="text-sm text-muted-foreground">{t("job.pausedHint")}</span> : null}
          {job.status === "cancelled" && !job.finishedAt ? <span className="text-sm text-muted-foreground">{t("job.cancellingHint")}</span> : null}
        </div>
      </PageHeader>
      <Card>
        <CardHeader>
          <CardTitle asHeading="h2">{t("job.progress")}</CardTitle>
        </CardHeader>
        <CardContent>
          <JobFigures job={job} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle asHeading="h2">{t("job.whatChanges")}</CardTitle>
        </CardHeader>
        <CardContent className="space-y-6">
          <section aria-labelledby="job-asked" className="space-y-2">
            <h3 id="job-asked" className="font-medium">
              {t("job.asked")}
            </h3>
            <JobChangeList change={job.change} />
          </section>
          <HeldAfter job={job} />
        </CardContent>
      </Card>
      <JobItems
        job={job}
        query={q}
        filter={filter}
        page={page}
        onFilter={(f) => void setView({ filter: f, page: null })}
        onPage={(p) => void setView({ page: p })}
      />
    </div>
  );
}
