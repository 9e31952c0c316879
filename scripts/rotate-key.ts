// npm run rotate-key: re-encrypt every stored secret under ENCRYPTION_KEY / ENCRYPTION_KEY_ID.
// Keys that may still be in use go in ENCRYPTION_OLD_KEYS ("id:base64,…"); on the embedded default
// the previous key file DATA_DIR/encryption.key is read as an old key too.
import path from "node:path";
import { env } from "@/lib/env";
import { loadKeyring } from "@/server/crypto";
import { getDatabase, ensureMigrated } from "@/server/db";
import { reencryptAllSecrets } from "@/server/data/rotate";

async function main() {
  const ring = loadKeyring(path.resolve(process.cwd(), env.DATA_DIR));
  await ensureMigrated();
  const database = getDatabase();
  const result = await reencryptAllSecrets(database.db, ring);
  console.log(`Re-encrypted ${result.rotated} secret(s) under key "${ring.currentId}"; ${result.unchanged} already were.`);
  // What no configured key could read is named by row (never its value) and makes the run fail.
  for (const u of result.unreadable) console.error(`Could not read: ${u.table} ${u.id} ("${u.name}"), key "${u.keyId}": ${u.reason}`);
  await database.close();
  if (result.unreadable.length) {
    console.error(`${result.unreadable.length} secret(s) left as they were: add the key they need to ENCRYPTION_OLD_KEYS and run again, or enter those secrets anew.`);
    process.exit(2);
  }
}

main().catch((e) => {
  console.error(`Rotation failed: ${(e as Error).message}`);
  process.exit(1);
});
