import { HydrationBoundary } from "@tanstack/react-query";
import { notFound } from "next/navigation";
import { fullPhoneField } from "@/lib/schemas/phone-numbers";
import { canWrite } from "@/server/auth/session";
import { getPhoneNumber, pageSpaceAccess } from "@/server/data/phone-numbers";
import { dehydrated, prefetch } from "@/server/query-client";
import { NumberShell } from "@/components/phone-numbers/number-shell";
import { phoneDetailQuery } from "@/components/phone-numbers/queries";

type Props = { children: React.ReactNode; params: Promise<{ space: string; phone: string }> };

/**
 * A number's page: the header (number, name, status, register/deregister) and the tab bar, shared
 * by the tabs below it: page.tsx (overview), encryption-key/, qr-codes/ and webhook/. A tab reads
 * the number with usePhoneDetail(spaceId, phone) (hydrated here) or server/data getPhoneNumber.
 */
export default async function NumberLayout({ children, params }: Props) {
  const { space, phone } = await params;
  if (space === "all" || !fullPhoneField.safeParse(phone).success) notFound();
  const { role } = await pageSpaceAccess(space);
  // A number the space does not have is a 404; if CAMS failed, the shell's own fetch shows the
  // explained error with a retry button.
  await prefetch(phoneDetailQuery(space, phone, async () => (await getPhoneNumber(space, phone)) ?? notFound()));
  return (
    <HydrationBoundary state={dehydrated()}>
      <NumberShell spaceId={space} phone={phone} canWrite={canWrite(role)}>
        {children}
      </NumberShell>
    </HydrationBoundary>
  );
}
