import type { EncryptionKeyResponse } from "@/lib/schemas/encryption-keys";
import { numberRoute } from "@/server/auth/number-route";
import { getEncryptionKey, lastKeyChange } from "@/server/data/encryption-keys";

/** One number's key (GetPhoneEncryptionPublicKey, 5 QPS per account: the client's limiter paces it) and its last change here. */
export const GET = numberRoute("read", "encryption-keys.detail", async (spaceId, phone): Promise<EncryptionKeyResponse> => {
  const [{ result, requestId }, lastChange] = await Promise.all([getEncryptionKey(spaceId, phone), lastKeyChange(spaceId, phone)]);
  return { phoneNumber: phone, result, requestId, lastChange, fetchedAt: new Date().toISOString() };
});
