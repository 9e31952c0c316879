import { HydrationBoundary } from "@tanstack/react-query";
import { notFound, redirect } from "next/navigation";
import { JobView } from "@/components/bulk/job-view";
import { jobPageQuery } from "@/components/bulk/queries";
import { getSessionUser } from "@/server/auth/session";
import { getJobPage } from "@/server/data/bulk";
import { dehydrated, getQueryClient } from "@/server/query-client";

/** One job: first paint (figures and the first page of numbers) from the database, then live through the polled GET route. */
export default async function BulkJobPage({ params }: { params: Promise<{ jobId: string }> }) {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in");
  const { jobId } = await params;
  // Someone else's job does not exist for this user. A database failure fails the page.
  await getQueryClient().fetchQuery(jobPageQuery(jobId, "all", 1, async () => (await getJobPage(user, jobId, "all", 1)) ?? notFound()));
  return (
    <HydrationBoundary state={dehydrated()}>
      <JobView jobId={jobId} />
    </HydrationBoundary>
  );
}
