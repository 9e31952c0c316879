import "server-only";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/** Reads DATA_DIR/<name>, creating it with a random value and mode 0600 on first use. */
export function readOrCreateSecretFile(dir: string, name: string, bytes = 32): string {
  const file = path.join(dir, name);
  fs.mkdirSync(dir, { recursive: true });
  try {
    fs.writeFileSync(file, crypto.randomBytes(bytes).toString("base64url"), { mode: 0o600, flag: "wx" });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
  }
  return fs.readFileSync(file, "utf8").trim();
}
