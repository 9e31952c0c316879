import { metricQuerySchema } from "@/lib/schemas/phone-numbers";
import { numberRoute } from "@/server/auth/number-route";
import { getPhoneNumberMetrics } from "@/server/data/phone-numbers";

/** Sent and delivered messages (GetChatappPhoneNumberMetric): ?granularity=DAILY (30 days) or HALF_HOUR (24 hours). */
export const GET = numberRoute("read", "phone-numbers.metrics", (spaceId, phone, req) => {
  const { granularity } = metricQuerySchema.parse({ granularity: req.nextUrl.searchParams.get("granularity") ?? undefined });
  return getPhoneNumberMetrics(spaceId, phone, granularity);
});
