import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/server/db/connect";
import { cloudAccounts } from "@/server/db/schema";
import { decryptWith, encryptWith, isCurrent, keyIdOf, type Keyring } from "@/server/crypto";

export interface Unreadable {
  table: "cloud_accounts";
  id: string;
  name: string;
  keyId: string;
  reason: string;
}

/**
 * Re-encrypts every stored AccessKey secret under the keyring's current key, bound to its row.
 * Values already so are only checked, so the command can be run again after an interruption. A
 * value no configured key can read is reported (row, name, key id, why; never the value) and
 * left as it is; the others go on.
 */
export async function reencryptAllSecrets(db: Db, ring: Keyring): Promise<{ rotated: number; unchanged: number; unreadable: Unreadable[] }> {
  const rows = await db.select({ id: cloudAccounts.id, name: cloudAccounts.name, enc: cloudAccounts.accessKeySecretEnc }).from(cloudAccounts);
  let rotated = 0;
  const unreadable: Unreadable[] = [];
  for (const row of rows) {
    const ref = { table: "cloud_accounts" as const, id: row.id };
    const current = isCurrent(ring, row.enc);
    let plain: string;
    try {
      // Values already current are read too: one copied from another row is reported, not kept.
      plain = decryptWith(ring, row.enc, ref, { legacy: !current });
    } catch (e) {
      unreadable.push({ ...ref, name: row.name, keyId: keyIdOf(row.enc), reason: (e as Error).message.startsWith("Cannot decrypt") ? (e as Error).message : "Cannot decrypt: authentication failed (wrong key, or the value was altered or belongs to another row)" });
      continue;
    }
    if (current) continue;
    // Only if still the value we read: an edit meanwhile wins.
    await db.update(cloudAccounts).set({ accessKeySecretEnc: encryptWith(ring, plain, ref) }).where(and(eq(cloudAccounts.id, row.id), eq(cloudAccounts.accessKeySecretEnc, row.enc)));
    rotated++;
  }
  return { rotated, unchanged: rows.length - rotated - unreadable.length, unreadable };
}
