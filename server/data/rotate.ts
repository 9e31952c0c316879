import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/server/db/connect";
import { cloudAccounts } from "@/server/db/schema";
import { decryptWith, encryptWith, keyIdOf, type Keyring } from "@/server/crypto";

/**
 * Re-encrypts every stored AccessKey secret under the keyring's current key. Values already under
 * it are left alone, so the command can be run again after an interruption.
 */
export async function reencryptAllSecrets(db: Db, ring: Keyring): Promise<{ rotated: number; unchanged: number }> {
  const rows = await db.select({ id: cloudAccounts.id, enc: cloudAccounts.accessKeySecretEnc }).from(cloudAccounts);
  let rotated = 0;
  for (const row of rows) {
    if (keyIdOf(row.enc) === ring.currentId) continue;
    const plain = decryptWith(ring, row.enc);
    await db.update(cloudAccounts).set({ accessKeySecretEnc: encryptWith(ring, plain) }).where(eq(cloudAccounts.id, row.id));
    rotated++;
  }
  return { rotated, unchanged: rows.length - rotated };
}
