import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { notFound } from "next/navigation";
import { PhoneWebhookPanel } from "@/components/webhooks/phone-webhook-panel";
import { webhookKeys } from "@/lib/query-keys";
import { fullPhoneField, type PhoneNumberDetail } from "@/lib/schemas/phone-numbers";
import { canWrite } from "@/server/auth/session";
import { getPhoneNumber, pageSpaceAccess } from "@/server/data/phone-numbers";
import { toWebhookRow } from "@/server/data/webhooks";

/**
 * The number's "Webhook" tab. The first paint uses the read the layout already made (getPhoneNumber
 * is cached per request, so no second CAMS call); the panel refreshes through the GET route.
 */
export default async function NumberWebhookPage({ params }: { params: Promise<{ space: string; phone: string }> }) {
  const { space, phone } = await params;
  if (space === "all" || !fullPhoneField.safeParse(phone).success) notFound();
  const { role } = await pageSpaceAccess(space);
  let number: PhoneNumberDetail | null | undefined;
  try {
    number = await getPhoneNumber(space, phone);
  } catch {
    // CAMS failed: the panel's own fetch shows the explained error with a retry button.
  }
  if (number === null) notFound();
  const qc = new QueryClient();
  if (number) qc.setQueryData(webhookKeys.detail(space, phone), toWebhookRow(number));
  return (
    <HydrationBoundary state={dehydrate(qc)}>
      <PhoneWebhookPanel spaceId={space} phone={phone} canWrite={canWrite(role)} />
    </HydrationBoundary>
  );
}
