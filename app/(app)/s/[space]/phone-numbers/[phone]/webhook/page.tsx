import { HydrationBoundary } from "@tanstack/react-query";
import { notFound } from "next/navigation";
import { PhoneWebhookPanel } from "@/components/webhooks/phone-webhook-panel";
import { phoneWebhookQuery } from "@/components/webhooks/queries";
import { fullPhoneField } from "@/lib/schemas/phone-numbers";
import { canWrite } from "@/server/auth/session";
import { getPhoneNumber, pageSpaceAccess } from "@/server/data/phone-numbers";
import { toWebhookRow } from "@/server/data/webhooks";
import { dehydrated, prefetch } from "@/server/query-client";

/**
 * The number's "Webhook" tab. The first paint uses the read the layout already made (getPhoneNumber
 * is cached per request, so no second CAMS call); the panel refreshes through the GET route.
 */
export default async function NumberWebhookPage({ params }: { params: Promise<{ space: string; phone: string }> }) {
  const { space, phone } = await params;
  if (space === "all" || !fullPhoneField.safeParse(phone).success) notFound();
  const { role } = await pageSpaceAccess(space);
  // A number the space does not have is a 404; if CAMS failed, the panel's own fetch shows the
  // explained error with a retry button.
  await prefetch(phoneWebhookQuery(space, phone, async () => toWebhookRow((await getPhoneNumber(space, phone)) ?? notFound())));
  return (
    <HydrationBoundary state={dehydrated()}>
      <PhoneWebhookPanel spaceId={space} phone={phone} canWrite={canWrite(role)} />
    </HydrationBoundary>
  );
}
