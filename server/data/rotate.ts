import "server-only";
import { and, eq, isNotNull } from "drizzle-orm";
import type { Db } from "@/server/db/connect";
import { alertChannels, cloudAccounts, smtpSettings, ssoProviders } from "@/server/db/schema";
import { decryptWith, encryptWith, isCurrent, keyIdOf, type Keyring } from "@/server/crypto";

type SecretTable = "cloud_accounts" | "sso_providers" | "smtp_settings" | "alert_channels";

export interface Unreadable {
  table: SecretTable;
  id: string;
  name: string;
  keyId: string;
  reason: string;
}

interface StoredSecret {
  id: string;
  name: string;
  enc: string;
}

/** Every table holding a secret encrypted at rest: how to read its rows and replace one value (only if unchanged). */
const SOURCES: { table: SecretTable; rows: (db: Db) => Promise<StoredSecret[]>; replace: (db: Db, id: string, was: string, enc: string) => Promise<unknown> }[] = [
  {
    table: "cloud_accounts",
    rows: (db) => db.select({ id: cloudAccounts.id, name: cloudAccounts.name, enc: cloudAccounts.accessKeySecretEnc }).from(cloudAccounts),
    replace: (db, id, was, enc) => db.update(cloudAccounts).set({ accessKeySecretEnc: enc }).where(and(eq(cloudAccounts.id, id), eq(cloudAccounts.accessKeySecretEnc, was))),
  },
  {
    table: "sso_providers",
    rows: (db) => db.select({ id: ssoProviders.id, name: ssoProviders.name, enc: ssoProviders.clientSecretEnc }).from(ssoProviders),
    replace: (db, id, was, enc) => db.update(ssoProviders).set({ clientSecretEnc: enc }).where(and(eq(ssoProviders.id, id), eq(ssoProviders.clientSecretEnc, was))),
  },
  {
    table: "smtp_settings",
    rows: async (db) =>
      (await db.select({ id: smtpSettings.id, name: smtpSettings.host, enc: smtpSettings.passwordEnc }).from(smtpSettings).where(isNotNull(smtpSettings.passwordEnc))).map((r) => ({ ...r, enc: r.enc! })),
    replace: (db, id, was, enc) => db.update(smtpSettings).set({ passwordEnc: enc }).where(and(eq(smtpSettings.id, id), eq(smtpSettings.passwordEnc, was))),
  },
  {
    table: "alert_channels",
    rows: async (db) =>
      (await db.select({ id: alertChannels.id, name: alertChannels.kind, enc: alertChannels.webhookSecretEnc }).from(alertChannels).where(isNotNull(alertChannels.webhookSecretEnc))).map((r) => ({ ...r, enc: r.enc! })),
    replace: (db, id, was, enc) => db.update(alertChannels).set({ webhookSecretEnc: enc }).where(and(eq(alertChannels.id, id), eq(alertChannels.webhookSecretEnc, was))),
  },
];

/**
 * Re-encrypts every stored secret (AccessKey secrets, the single sign-on client secret, the SMTP password, alert webhook secrets) under the
 * keyring's current key, bound to its row. Values already so are only checked, so the command can
 * be run again after an interruption. A value no configured key can read is reported (table, row,
 * name, key id, why; never the value) and left as it is; the others go on.
 */
export async function reencryptAllSecrets(db: Db, ring: Keyring): Promise<{ rotated: number; unchanged: number; unreadable: Unreadable[] }> {
  let rotated = 0;
  let total = 0;
  const unreadable: Unreadable[] = [];
  for (const source of SOURCES) {
    const rows = await source.rows(db);
    total += rows.length;
    for (const row of rows) {
      const ref = { table: source.table, id: row.id };
      const current = isCurrent(ring, row.enc);
      let plain: string;
      try {
        // Values already current are read too: one copied from another row is reported, not kept.
        plain = decryptWith(ring, row.enc, ref, { legacy: !current });
      } catch (e) {
        const message = (e as Error).message;
        unreadable.push({ ...ref, name: row.name, keyId: keyIdOf(row.enc), reason: message.startsWith("Cannot decrypt") ? message : "Cannot decrypt: authentication failed (wrong key, or the value was altered or belongs to another row)" });
        continue;
      }
      if (current) continue;
      // Only if still the value we read: an edit meanwhile wins.
      await source.replace(db, row.id, row.enc, encryptWith(ring, plain, ref));
      rotated++;
    }
  }
  return { rotated, unchanged: total - rotated - unreadable.length, unreadable };
}
