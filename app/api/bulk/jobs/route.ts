import { NextResponse } from "next/server";
import { requireUser } from "@/server/auth/route";
import { listJobs } from "@/server/data/bulk";

/** The newest bulk jobs: the caller's own, or everyone's for an administrator. */
export async function GET() {
  const user = await requireUser();
  if (user instanceof NextResponse) return user;
  return NextResponse.json({ jobs: await listJobs(user) }, { headers: { "cache-control": "no-store" } });
}
