import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { notFound } from "next/navigation";
import { EncryptionKeyPanel } from "@/components/encryption-key/encryption-key-panel";
import { encryptionKeyKeys } from "@/lib/query-keys";
import type { EncryptionKeyResponse } from "@/lib/schemas/encryption-keys";
import { fullPhoneField } from "@/lib/schemas/phone-numbers";
import { canWrite } from "@/server/auth/session";
import { getEncryptionKey, lastKeyChange } from "@/server/data/encryption-keys";
import { pageSpaceAccess } from "@/server/data/phone-numbers";

type Props = { params: Promise<{ space: string; phone: string }> };

/**
 * First paint reads the key on the server (one GetPhoneEncryptionPublicKey, paced like any
 * other); TanStack Query owns refreshes. A failed read is left to the client, which explains it.
 */
export default async function EncryptionKeyTab({ params }: Props) {
  const { space, phone } = await params;
  if (!fullPhoneField.safeParse(phone).success) notFound();
  // The layout does not guard its pages: check here before reading anything.
  const { role } = await pageSpaceAccess(space);
  const qc = new QueryClient();
  try {
    const [{ result, requestId }, lastChange] = await Promise.all([getEncryptionKey(space, phone), lastKeyChange(space, phone)]);
    const body: EncryptionKeyResponse = { phoneNumber: phone, result, requestId, lastChange, fetchedAt: new Date().toISOString() };
    qc.setQueryData(encryptionKeyKeys.detail(space, phone), body);
  } catch {
    // Left to the client's first fetch, which shows the explained error and a retry button.
  }
  return (
    <HydrationBoundary state={dehydrate(qc)}>
      <EncryptionKeyPanel spaceId={space} phone={phone} canWrite={canWrite(role)} />
    </HydrationBoundary>
  );
}
