import "server-only";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";

/**
 * AES-256-GCM for secrets at rest. Stored form: "<keyId>:<iv b64>:<tag b64>:<ciphertext b64>:r1",
 * bound to its row: the associated data is "<table>:<id>", so a ciphertext copied into another
 * row (or another table) does not decrypt. The key-id prefix lets a rotation decrypt with the old
 * key and re-encrypt with the new one. Values written before rows were bound have no ":r1" and
 * are read only by the re-encryption at start and by `rotate-key` (server/data/rotate.ts).
 */
export interface Keyring {
  currentId: string;
  keys: Map<string, Buffer>;
}

/** The row a ciphertext belongs to. */
export interface RowRef {
  table: "cloud_accounts" | "sso_providers" | "smtp_settings" | "alert_channels";
  id: string;
}

const BOUND = "r1";
const TAG_BYTES = 16;
const IV_BYTES = 12;

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
 * One key id given twice (with any key) is refused: which key a stored value needs would be a guess.
 */
export function loadKeyring(dataDir: string, cfg: KeyConfig = envKeyConfig()): Keyring {
  const keys = new Map<string, Buffer>();
  const from = new Map<string, string>();
  const add = (id: string, key: Buffer, where: string) => {
    const earlier = from.get(id);
    if (earlier !== undefined) {
      throw new Error(`Encryption key id "${id}" is given twice (${earlier} and ${where}): give each key its own id (ENCRYPTION_KEY_ID) and list each old key once.`);
    }
    keys.set(id, key);
    from.set(id, where);
  };
  const file = path.join(dataDir, "encryption.key");
  if (!cfg.key && !fs.existsSync(file)) {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(file, `${cfg.keyId}:${crypto.randomBytes(32).toString("base64")}\n`, { mode: 0o600, flag: "wx" });
  }
  let currentId = cfg.keyId;
  let fileKey: { id: string; key: Buffer } | undefined;
  if (fs.existsSync(file)) {
    const [id, b64] = fs.readFileSync(file, "utf8").trim().split(":");
    if (!id || !b64) throw new Error(`${file} is not "<keyId>:<base64 key>"`);
    fileKey = { id, key: parseKey(b64, file) };
    if (!cfg.key) currentId = id;
  }
  if (cfg.key) {
    const key = parseKey(cfg.key, "ENCRYPTION_KEY");
    add(cfg.keyId, key, "ENCRYPTION_KEY");
    // The embedded key file holding the very same key under the same id is the usual first step of
    // moving it into the environment, not a second key.
    if (fileKey && !(fileKey.id === cfg.keyId && fileKey.key.equals(key))) add(fileKey.id, fileKey.key, file);
  } else if (fileKey) {
    add(fileKey.id, fileKey.key, file);
  }
  for (const pair of (cfg.oldKeys ?? "").split(",").filter((p) => p.trim())) {
    const [id, b64, extra] = pair.trim().split(":");
    if (!id || !b64 || extra !== undefined) throw new Error(`ENCRYPTION_OLD_KEYS: "${id ?? ""}:…" is not "<keyId>:<base64 key>"`);
    add(id, parseKey(b64, `ENCRYPTION_OLD_KEYS ${id}`), "ENCRYPTION_OLD_KEYS");
  }
  return { currentId, keys };
}

const aadOf = (row: RowRef) => Buffer.from(`${row.table}:${row.id}`, "utf8");

export function encryptWith(ring: Keyring, plaintext: string, row: RowRef): string {
  const key = ring.keys.get(ring.currentId)!;
  const iv = crypto.randomBytes(IV_BYTES);
  const cipher = crypto.createCipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(aadOf(row));
  const ct = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [ring.currentId, iv.toString("base64"), cipher.getAuthTag().toString("base64"), ct.toString("base64"), BOUND].join(":");
}

/**
 * Decrypts a value of `row`. `legacy: true` also reads a value written before rows were bound (no
 * associated data): only the re-encryption paths pass it. The tag must be the full 16 bytes (a
 * shortened tag would let a forger try far fewer values), the IV 12.
 */
export function decryptWith(ring: Keyring, stored: string, row: RowRef, opts: { legacy?: boolean } = {}): string {
  const [id, iv, tag, ct, version, ...rest] = stored.split(":");
  const key = id ? ring.keys.get(id) : undefined;
  // The messages name the key id only: never the value or the key.
  if (!key) throw new Error(`Cannot decrypt: key "${id}" is not configured`);
  const bound = version === BOUND;
  if (!iv || !tag || ct === undefined || rest.length || !(bound || (version === undefined && opts.legacy))) {
    throw new Error(`Cannot decrypt: not a value of this row (key "${id}")`);
  }
  const ivBytes = Buffer.from(iv, "base64");
  const tagBytes = Buffer.from(tag, "base64");
  if (ivBytes.length !== IV_BYTES || tagBytes.length !== TAG_BYTES) throw new Error(`Cannot decrypt: malformed value (key "${id}")`);
  const decipher = crypto.createDecipheriv("aes-256-gcm", key, ivBytes, { authTagLength: TAG_BYTES });
  if (bound) decipher.setAAD(aadOf(row));
  decipher.setAuthTag(tagBytes);
  return Buffer.concat([decipher.update(Buffer.from(ct, "base64")), decipher.final()]).toString("utf8");
}

export const keyIdOf = (stored: string) => stored.split(":")[0] ?? "";
/** Under the current key and bound to its row: nothing for a re-encryption to do. */
export const isCurrent = (ring: Keyring, stored: string) => keyIdOf(stored) === ring.currentId && stored.split(":")[4] === BOUND;

const globalForKeys = globalThis as unknown as { __camsKeyring?: Keyring };

/** The process's keyring (loaded once; boot.ts loads it at start so a bad key configuration stops the start). */
export function ring(): Keyring {
  if (!globalForKeys.__camsKeyring) {
    globalForKeys.__camsKeyring = loadKeyring(path.resolve(/* turbopackIgnore: true */ process.cwd(), env.DATA_DIR));
  }
  return globalForKeys.__camsKeyring;
}

export const encryptSecret = (plaintext: string, row: RowRef) => encryptWith(ring(), plaintext, row);
export const decryptSecret = (stored: string, row: RowRef) => decryptWith(ring(), stored, row);
export const currentKeyId = () => ring().currentId;

/** Shows the shape of a secret without revealing it. */
export function maskSecret(length = 30): string {
  return "•".repeat(Math.min(length, 12));
}
