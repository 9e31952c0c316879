import { NextResponse, type NextRequest } from "next/server";
import { ITEM_FILTERS, type ItemFilter } from "@/lib/schemas/bulk";
import { refusal, requireUser } from "@/server/auth/route";
import { getJobPage } from "@/server/data/bulk";

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
  const body = await getJobPage(user, (await params).jobId, filter, page);
  if (!body) return refusal("jobNotFound", 404);
  return NextResponse.json(body, { headers: { "cache-control": "no-store" } });
}
