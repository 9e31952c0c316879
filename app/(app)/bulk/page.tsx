import { Plus } from "lucide-react";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { JobsTable } from "@/components/bulk/jobs-table";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { getSessionUser } from "@/server/auth/session";
import { listJobs, writableSpaces } from "@/server/data/bulk";

/** Bulk operations: the user's jobs (every job for administrators) and the way to start one. */
export default async function BulkPage() {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in");
  const [t, jobs, writable] = await Promise.all([getTranslations("bulk"), listJobs(user), writableSpaces(user)]);
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
      <JobsTable initial={jobs} showCreator={user.isAdmin} emptyAction={create} />
    </div>
  );
}
