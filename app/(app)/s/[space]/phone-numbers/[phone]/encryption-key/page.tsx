import { HydrationBoundary } from "@tanstack/react-query";
import { notFound } from "next/navigation";
import { EncryptionKeyPanel } from "@/components/encryption-key/encryption-key-panel";
import { keyQuery } from "@/components/encryption-key/queries";
import { fullPhoneField } from "@/lib/schemas/phone-numbers";
import { canWrite } from "@/server/auth/session";
import { keyResponse } from "@/server/data/encryption-keys";
import { pageSpaceAccess } from "@/server/data/phone-numbers";
import { dehydrated, prefetch } from "@/server/query-client";

type Props = { params: Promise<{ space: string; phone: string }> };

/**
 * First paint carries the key from the inventory (read from CAMS once when never observed);
 * TanStack Query owns refreshes. A failed read is left to the client, which explains it.
 */
export default async function EncryptionKeyTab({ params }: Props) {
  const { space, phone } = await params;
  if (!fullPhoneField.safeParse(phone).success) notFound();
  // The layout does not guard its pages: check here before reading anything.
  const { role } = await pageSpaceAccess(space);
  // A failed read is left to the client's first fetch, which shows the explained error and a retry button.
  await prefetch(keyQuery(space, phone, () => keyResponse(space, phone)));
  return (
    <HydrationBoundary state={dehydrated()}>
      <EncryptionKeyPanel spaceId={space} phone={phone} canWrite={canWrite(role)} />
    </HydrationBoundary>
  );
}
