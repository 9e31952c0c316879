import { NextResponse } from "next/server";
import { refusal, requireUser } from "@/server/auth/route";
import { getJobProgress } from "@/server/data/bulk";

/** One job's live progress (polled every second by the job page). 404 for anyone but its creator and admins. */
export async function GET(_req: Request, { params }: { params: Promise<{ jobId: string }> }) {
  const user = await requireUser();
  if (user instanceof NextResponse) return user;
  const progress = await getJobProgress(user, (await params).jobId);
  if (!progress) return refusal("jobNotFound", 404);
  return NextResponse.json(progress, { headers: { "cache-control": "no-store" } });
}
