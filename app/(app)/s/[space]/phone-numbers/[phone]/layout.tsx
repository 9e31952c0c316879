import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { notFound } from "next/navigation";
import { phoneNumberKeys } from "@/lib/query-keys";
import { fullPhoneField, type PhoneNumberDetail } from "@/lib/schemas/phone-numbers";
import { canWrite } from "@/server/auth/session";
import { getPhoneNumber, pageSpaceAccess } from "@/server/data/phone-numbers";
import { NumberShell } from "@/components/phone-numbers/number-shell";

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
  let number: PhoneNumberDetail | null | undefined;
  try {
    number = await getPhoneNumber(space, phone);
  } catch {
    // CAMS failed: the shell's own fetch shows the explained error with a retry button.
  }
  if (number === null) notFound();
  const qc = new QueryClient();
  if (number) qc.setQueryData(phoneNumberKeys.detail(space, phone), number);
  return (
    <HydrationBoundary state={dehydrate(qc)}>
      <NumberShell spaceId={space} phone={phone} canWrite={canWrite(role)}>
        {children}
      </NumberShell>
    </HydrationBoundary>
  );
}
