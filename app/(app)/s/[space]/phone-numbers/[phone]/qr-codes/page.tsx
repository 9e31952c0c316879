import { HydrationBoundary } from "@tanstack/react-query";
import { notFound } from "next/navigation";
import { NumberQrCodes } from "@/components/qr-codes/number-qr-codes";
import { numberQrCodesQuery } from "@/components/qr-codes/queries";
import { fullPhoneField } from "@/lib/schemas/phone-numbers";
import { canWrite } from "@/server/auth/session";
import { pageSpaceAccess } from "@/server/data/phone-numbers";
import { listNumberQrCodes } from "@/server/data/qr-codes";
import { dehydrated, prefetch } from "@/server/query-client";

/** The number's "QR codes" tab: its codes as cards. Viewers read and download; operators change. */
export default async function NumberQrCodesPage({ params }: { params: Promise<{ space: string; phone: string }> }) {
  const { space, phone } = await params;
  if (space === "all" || !fullPhoneField.safeParse(phone).success) notFound();
  const { role } = await pageSpaceAccess(space);
  // First paint comes with the codes; refreshes then go through the GET route (same query options).
  // If CAMS failed, the tab's own fetch shows the explained error with a retry button.
  await prefetch(numberQrCodesQuery(space, phone, () => listNumberQrCodes(space, phone)));
  return (
    <HydrationBoundary state={dehydrated()}>
      <NumberQrCodes spaceId={space} phone={phone} canWrite={canWrite(role)} />
    </HydrationBoundary>
  );
}
