import { NextResponse, type NextRequest } from "next/server";
import { ITEM_FILTERS, type ItemFilter } from "@/lib/schemas/bulk";
import { refusal, requireUser } from "@/server/auth/route";
import { getJobProgress, listJobItems } from "@/server/data/bulk";

/**
 * A page of a job's numbers with their outcome (`?filter=all|failed|ok|pending|cancelled&page=1`),
 * with the job's figures: the job page polls this alone, so the summary and the rows agree.
 */
export async function GET(req: NextRequest, { params }: { params: Promise<{ jobId: string }> }) {
  const user = await requireUser();
  if (user instanceof NextResponse) return user;
  const q = req.nextUrl.searchParams;
  const filter = (ITEM_FILTERS as readonly string[]).includes(q.get("filter") ?? "") ? (q.get("filter") as ItemFilter) : "all";
  const page = Math.min(10_000, Math.max(1, Math.floor(Number(q.get("page")) || 1)));
  const { jobId } = await params;
  // Figures first, rows after: rows can only be as new or newer, so once the figures say the job is
  // done, the rows in the same answer are final too.
  const job = await getJobProgress(user, jobId);
  const body = job ? await listJobItems(user, jobId, filter, page) : null;
  if (!body || !job) return refusal("jobNotFound", 404);
  return NextResponse.json({ ...body, job }, { headers: { "cache-control": "no-store" } });
}
