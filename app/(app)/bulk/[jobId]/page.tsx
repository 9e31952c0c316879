import { notFound, redirect } from "next/navigation";
import { JobView } from "@/components/bulk/job-view";
import { getSessionUser } from "@/server/auth/session";
import { getJobProgress } from "@/server/data/bulk";

/** One job: first paint from the database, then live through the polled GET route. */
export default async function BulkJobPage({ params }: { params: Promise<{ jobId: string }> }) {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in");
  const progress = await getJobProgress(user, (await params).jobId);
  // Someone else's job does not exist for this user.
  if (!progress) notFound();
  return <JobView initial={progress} />;
}
