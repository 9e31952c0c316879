import { NextResponse, type NextRequest } from "next/server";
import { getLogger } from "@/server/logger";
import { metricsRefusal } from "@/server/metrics/access";
import { appMetrics } from "@/server/metrics/registry";

export const dynamic = "force-dynamic";

/** Prometheus text (also at /metrics): METRICS_TOKEN bearer or an admin session. */
export async function GET(req: NextRequest) {
  const refused = await metricsRefusal(req.headers.get("authorization"));
  if (refused) return refused;
  const { registry } = appMetrics();
  try {
    return new NextResponse(await registry.metrics(), { headers: { "content-type": registry.contentType, "cache-control": "no-store" } });
  } catch (err) {
    // The inventory figures come from the database: without it there is nothing reliable to scrape.
    getLogger().warn({ err: { message: (err as Error)?.message } }, "metrics not collected");
    return new NextResponse("metrics unavailable\n", { status: 503, headers: { "content-type": "text/plain", "cache-control": "no-store" } });
  }
}
