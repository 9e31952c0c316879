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
  await database.close();
}

main().catch((e) => {
  console.error(`Rotation failed: ${(e as Error).message}`);
  process.exit(1);
});
