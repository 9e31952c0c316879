import { Plus } from "lucide-react";
import Link from "@/components/ui/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { HydrationBoundary } from "@tanstack/react-query";
import { JobsTable } from "@/components/bulk/jobs-table";
import { jobsQuery } from "@/components/bulk/queries";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { getSessionUser } from "@/server/auth/session";
import { listJobs, writableSpaces } from "@/server/data/bulk";
import { dehydrated, getQueryClient } from "@/server/query-client";

/** Bulk operations: the user's jobs (every job for administrators) and the way to start one. */
export default async function BulkPage() {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in");
  // A database read: a failure fails the page, as any other database failure does.
  const [t, writable] = await Promise.all([
    getTranslations("bulk"),
    writableSpaces(user),
    getQueryClient().fetchQuery(jobsQuery(async () => ({ jobs: await listJobs(user) }))),
  ]);
  const create =
    writable.length > 0 ? (
      <Button asChild>
        <Link href="/bulk/new">
          <Plus aria-hidden="true" />
          {t("newJob")}
        </Link>
      </Button>
    ) : null;
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("description")} actions={create} />
      {writable.length === 0 ? <p className="text-sm text-muted-foreground">{t("list.noWrite")}</p> : null}
      <HydrationBoundary state={dehydrated()}>
        <JobsTable showCreator={user.isAdmin} emptyAction={create} />
      </HydrationBoundary>
    </div>
  );
}
