import "server-only";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";

/**
 * AES-256-GCM for secrets at rest. Stored form: "<keyId>:<iv b64>:<tag b64>:<ciphertext b64>".
 * The key-id prefix lets a rotation decrypt with the old key and re-encrypt with the new one.
 */
export interface Keyring {
  currentId: string;
  keys: Map<string, Buffer>;
}

function parseKey(b64: string, what: string): Buffer {
  const key = Buffer.from(b64, "base64");
  if (key.length !== 32) throw new Error(`${what} must be base64 of 32 bytes`);
  return key;
}

/** Reads or, on the embedded default, creates DATA_DIR/encryption.key with mode 0600. */
export function loadKeyring(dataDir: string): Keyring {
  const keys = new Map<string, Buffer>();
  let current: Buffer;
  if (env.ENCRYPTION_KEY) {
    current = parseKey(env.ENCRYPTION_KEY, "ENCRYPTION_KEY");
  } else {
    const file = path.join(dataDir, "encryption.key");
    fs.mkdirSync(dataDir, { recursive: true });
    if (!fs.existsSync(file)) {
      fs.writeFileSync(file, `${env.ENCRYPTION_KEY_ID}:${crypto.randomBytes(32).toString("base64")}\n`, {
        mode: 0o600,
        flag: "wx",
      });
    }
    const [id, b64] = fs.readFileSync(file, "utf8").trim().split(":");
    current = parseKey(b64 ?? "", file);
    if (id !== env.ENCRYPTION_KEY_ID) keys.set(id!, current);
  }
  keys.set(env.ENCRYPTION_KEY_ID, current);
  for (const pair of (env.ENCRYPTION_OLD_KEYS ?? "").split(",").filter(Boolean)) {
    const [id, b64] = pair.split(":");
    if (id && b64 && !keys.has(id)) keys.set(id, parseKey(b64, `ENCRYPTION_OLD_KEYS ${id}`));
  }
  return { currentId: env.ENCRYPTION_KEY_ID, keys };
}

export function encryptWith(ring: Keyring, plaintext: string): string {
  const key = ring.keys.get(ring.currentId)!;
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", key, iv);
  const ct = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [ring.currentId, iv.toString("base64"), cipher.getAuthTag().toString("base64"), ct.toString("base64")].join(
    ":",
  );
}

export function decryptWith(ring: Keyring, stored: string): string {
  const [id, iv, tag, ct] = stored.split(":");
  const key = id ? ring.keys.get(id) : undefined;
  // The message names the key id only: never the value or the key.
  if (!key || !iv || !tag || !ct) throw new Error(`Cannot decrypt: key "${id}" is not configured`);
  const decipher = crypto.createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64"));
  decipher.setAuthTag(Buffer.from(tag, "base64"));
  return Buffer.concat([decipher.update(Buffer.from(ct, "base64")), decipher.final()]).toString("utf8");
}

export const keyIdOf = (stored: string) => stored.split(":")[0] ?? "";

const globalForKeys = globalThis as unknown as { __camsKeyring?: Keyring };

function ring(): Keyring {
  if (!globalForKeys.__camsKeyring) {
    globalForKeys.__camsKeyring = loadKeyring(path.resolve(/* turbopackIgnore: true */ process.cwd(), env.DATA_DIR));
  }
  return globalForKeys.__camsKeyring;
}

export const encryptSecret = (plaintext: string) => encryptWith(ring(), plaintext);
export const decryptSecret = (stored: string) => decryptWith(ring(), stored);
export const currentKeyId = () => ring().currentId;

/** Shows the shape of a secret without revealing it. */
export function maskSecret(length = 30): string {
  return "•".repeat(Math.min(length, 12));
}
