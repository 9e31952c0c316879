import { NextResponse } from "next/server";
import { refusal, requireUser } from "@/server/auth/route";
import { jobItemsForExport } from "@/server/data/bulk";
import { toCsv } from "@/server/jobs/csv";

/** Every number of a job with its outcome, CAMS error and request id, as CSV. */
export async function GET(_req: Request, { params }: { params: Promise<{ jobId: string }> }) {
  const user = await requireUser();
  if (user instanceof NextResponse) return user;
  const { jobId } = await params;
  const data = await jobItemsForExport(user, jobId);
  if (!data) return refusal("jobNotFound", 404);
  const header = ["space", "cust_space_id", "phone_number", "result", "attempts", "error_code", "error_message", "request_id", "finished_at"];
  const rows = data.items.map((i) => [
    i.spaceName,
    i.custSpaceId,
    i.phoneNumber,
    i.status,
    i.attempts,
    i.errorCode,
    i.errorMessage,
    i.requestId,
    i.finishedAt,
  ]);
  return new NextResponse(toCsv([header, ...rows]), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="bulk-${data.job.kind}-${jobId.slice(0, 8)}.csv"`,
      "cache-control": "no-store",
    },
  });
}
