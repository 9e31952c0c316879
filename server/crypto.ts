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

export interface KeyConfig {
  key?: string;
  keyId: string;
  oldKeys?: string;
}

const envKeyConfig = (): KeyConfig => ({ key: env.ENCRYPTION_KEY, keyId: env.ENCRYPTION_KEY_ID, oldKeys: env.ENCRYPTION_OLD_KEYS });

/**
 * The current key comes from ENCRYPTION_KEY or, on the embedded default, DATA_DIR/encryption.key
 * (created with mode 0600 on first start). Older keys (ENCRYPTION_OLD_KEYS, and the key file when
 * ENCRYPTION_KEY replaces it) still decrypt, so a rotation can re-encrypt what they protect.
 */
export function loadKeyring(dataDir: string, cfg: KeyConfig = envKeyConfig()): Keyring {
  const keys = new Map<string, Buffer>();
  const file = path.join(dataDir, "encryption.key");
  if (!cfg.key && !fs.existsSync(file)) {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(file, `${cfg.keyId}:${crypto.randomBytes(32).toString("base64")}\n`, { mode: 0o600, flag: "wx" });
  }
  let currentId = cfg.keyId;
  if (fs.existsSync(file)) {
    const [id, b64] = fs.readFileSync(file, "utf8").trim().split(":");
    if (!id || !b64) throw new Error(`${file} is not "<keyId>:<base64 key>"`);
    keys.set(id, parseKey(b64, file));
    if (!cfg.key) currentId = id;
  }
  if (cfg.key) keys.set(cfg.keyId, parseKey(cfg.key, "ENCRYPTION_KEY"));
  for (const pair of (cfg.oldKeys ?? "").split(",").filter(Boolean)) {
    const [id, b64] = pair.split(":");
    if (id && b64 && !keys.has(id)) keys.set(id, parseKey(b64, `ENCRYPTION_OLD_KEYS ${id}`));
  }
  return { currentId, keys };
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
