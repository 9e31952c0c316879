import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { cloudAccounts, ssoProviders } from "@/server/db/schema";
import { withTestDatabase } from "@/server/test-database";
import { decryptWith, encryptWith, keyIdOf, loadKeyring, type Keyring } from "./crypto";
import { reencryptAllSecrets } from "./data/rotate";

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), "cams-keys-"));
const b64 = () => crypto.randomBytes(32).toString("base64");
const rowA = { table: "cloud_accounts" as const, id: "acc-a" };
const rowB = { table: "cloud_accounts" as const, id: "acc-b" };

/** What was stored before rows were bound: no associated data, no ":r1". */
function legacyEncrypt(ring: Keyring, plaintext: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", ring.keys.get(ring.currentId)!, iv);
  const ct = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [ring.currentId, iv.toString("base64"), cipher.getAuthTag().toString("base64"), ct.toString("base64")].join(":");
}

describe("secrets at rest", () => {
  it("creates the embedded key file with mode 0600 and round-trips", () => {
    const dir = tmp();
    const ring = loadKeyring(dir, { keyId: "v1" });
    expect(fs.statSync(path.join(dir, "encryption.key")).mode & 0o777).toBe(0o600);
    const stored = encryptWith(ring, "s3cret", rowA);
    expect(stored.startsWith("v1:")).toBe(true);
    expect(stored).not.toContain("s3cret");
    expect(decryptWith(loadKeyring(dir, { keyId: "v1" }), stored, rowA)).toBe("s3cret");
  });

  it("detects tampering and names only the key id when a key is missing", () => {
    const ring = loadKeyring(tmp(), { keyId: "v1" });
    const stored = encryptWith(ring, "s3cret", rowA);
    const [id, iv, tag, ct, v] = stored.split(":");
    const flipped = Buffer.from(ct!, "base64");
    flipped[0]! ^= 1;
    expect(() => decryptWith(ring, [id, iv, tag, flipped.toString("base64"), v].join(":"), rowA)).toThrow();
    expect(() => decryptWith(ring, `v9:${iv}:${tag}:${ct}:${v}`, rowA)).toThrow(/key "v9"/);
  });

  it("a ciphertext is bound to its row: swapped into another row it does not decrypt", () => {
    const ring = loadKeyring(tmp(), { keyId: "v1" });
    const a = encryptWith(ring, "secret-of-a", rowA);
    expect(() => decryptWith(ring, a, rowB)).toThrow();
    expect(decryptWith(ring, a, rowA)).toBe("secret-of-a");
  });

  it("refuses a shortened authentication tag (only the full 16 bytes)", () => {
    const ring = loadKeyring(tmp(), { keyId: "v1" });
    const [id, iv, tag, ct, v] = encryptWith(ring, "s3cret", rowA).split(":");
    // GCM would accept a 4-byte prefix of the right tag: a forger's 1 in 2^32 instead of 2^128.
    const short = Buffer.from(tag!, "base64").subarray(0, 4).toString("base64");
    expect(() => decryptWith(ring, [id, iv, short, ct, v].join(":"), rowA)).toThrow(/malformed/);
  });

  it("an unbound (pre-binding) value is read only by the re-encryption path", () => {
    const ring = loadKeyring(tmp(), { keyId: "v1" });
    const old = legacyEncrypt(ring, "old-secret");
    expect(() => decryptWith(ring, old, rowA)).toThrow(/not a value of this row/);
    expect(decryptWith(ring, old, rowA, { legacy: true })).toBe("old-secret");
  });

  it("refuses a key id given twice, with a clear message", () => {
    const dir = tmp();
    loadKeyring(dir, { keyId: "v1" }); // the embedded key file, id v1
    expect(() => loadKeyring(dir, { key: b64(), keyId: "v1" })).toThrow(/key id "v1" is given twice/);
    expect(() => loadKeyring(tmp(), { key: b64(), keyId: "v2", oldKeys: `v2:${b64()}` })).toThrow(/"v2" is given twice/);
    const k = b64();
    expect(() => loadKeyring(tmp(), { key: b64(), keyId: "v3", oldKeys: `v1:${k},v1:${k}` })).toThrow(/"v1" is given twice/);
    // The key file's own key moved into ENCRYPTION_KEY under its id is one key, not two.
    const [fid, fkey] = fs.readFileSync(path.join(dir, "encryption.key"), "utf8").trim().split(":");
    expect(loadKeyring(dir, { key: fkey!, keyId: fid! }).keys.size).toBe(1);
  });
});

describe("key rotation", () => {
  const database = withTestDatabase("pglite", { install: false });

  it("re-encrypts every secret under the new key, bound to its row (also pre-binding ones); the old key can then go", async () => {
    const dir = tmp();
    const oldRing = loadKeyring(dir, { keyId: "v1" });
    const secrets = ["alpha-secret", "beta-secret"];
    for (const [i, s] of secrets.entries()) {
      const id = `rot-${i}`;
      const enc = i === 0 ? legacyEncrypt(oldRing, s) : encryptWith(oldRing, s, { table: "cloud_accounts", id });
      await database.db.insert(cloudAccounts).values({ id, name: `A${i}`, accessKeyId: `AK${i}`, accessKeySecretEnc: enc, endpoint: "h" });
    }
    const newKey = b64();
    // The key file (v1) stays readable as an old key while ENCRYPTION_KEY (v2) becomes current.
    const rotating = loadKeyring(dir, { key: newKey, keyId: "v2" });
    expect(await reencryptAllSecrets(database.db, rotating)).toEqual({ rotated: 2, unchanged: 0, unreadable: [] });
    expect(await reencryptAllSecrets(database.db, rotating)).toEqual({ rotated: 0, unchanged: 2, unreadable: [] });

    fs.rmSync(path.join(dir, "encryption.key"));
    const onlyNew = loadKeyring(dir, { key: newKey, keyId: "v2" });
    const rows = await database.db.select().from(cloudAccounts).where(eq(cloudAccounts.endpoint, "h")).orderBy(cloudAccounts.id);
    expect(rows.map((r) => keyIdOf(r.accessKeySecretEnc))).toEqual(["v2", "v2"]);
    expect(rows.map((r) => decryptWith(onlyNew, r.accessKeySecretEnc, { table: "cloud_accounts", id: r.id }))).toEqual(secrets);
  });

  it("re-encrypts the single sign-on client secret too, bound to its row; one moved from an account's row is reported", async () => {
    const dir = tmp();
    const oldRing = loadKeyring(dir, { keyId: "s1" });
    const ref = { table: "sso_providers" as const, id: "oidc" };
    await database.db.insert(ssoProviders).values({ id: "oidc", name: "Corp ID", issuer: "https://id.example", clientId: "cid", clientSecretEnc: encryptWith(oldRing, "sso-client-secret", ref) });
    const rotating = loadKeyring(dir, { key: b64(), keyId: "s2" });
    const result = await reencryptAllSecrets(database.db, rotating);
    expect(result.unreadable.filter((u) => u.table === "sso_providers")).toEqual([]);
    const [row] = await database.db.select().from(ssoProviders).where(eq(ssoProviders.id, "oidc"));
    expect(keyIdOf(row!.clientSecretEnc)).toBe("s2");
    expect(decryptWith(rotating, row!.clientSecretEnc, ref)).toBe("sso-client-secret");

    // An account's ciphertext copied into the provider's row does not open there.
    await database.db.update(ssoProviders).set({ clientSecretEnc: encryptWith(rotating, "account-secret", { table: "cloud_accounts", id: "oidc" }) });
    const again = await reencryptAllSecrets(database.db, rotating);
    expect(again.unreadable.filter((u) => u.table === "sso_providers").map((u) => [u.id, u.name, u.keyId])).toEqual([["oidc", "Corp ID", "s2"]]);
    expect(JSON.stringify(again)).not.toMatch(/account-secret|sso-client-secret/);
    await database.db.delete(ssoProviders);
  });

  it("reports what it could not read (row, name, key id; never the value) and re-encrypts the rest", async () => {
    const ring = loadKeyring(tmp(), { key: b64(), keyId: "v5" });
    const other = loadKeyring(tmp(), { key: b64(), keyId: "v7" });
    const moved = encryptWith(ring, "moved-secret", { table: "cloud_accounts", id: "u-elsewhere" });
    await database.db.insert(cloudAccounts).values([
      { id: "u-1", name: "Lost key", accessKeyId: "AKu1", accessKeySecretEnc: encryptWith(other, "lost-secret", { table: "cloud_accounts", id: "u-1" }), endpoint: "u" },
      { id: "u-2", name: "Swapped", accessKeyId: "AKu2", accessKeySecretEnc: moved, endpoint: "u" },
      { id: "u-3", name: "Fine", accessKeyId: "AKu3", accessKeySecretEnc: legacyEncrypt(ring, "fine-secret"), endpoint: "u" },
    ]);
    const result = await reencryptAllSecrets(database.db, ring);
    const mine = result.unreadable.filter((u) => u.id.startsWith("u-"));
    expect(mine.map((u) => [u.id, u.name, u.keyId])).toEqual([
      ["u-1", "Lost key", "v7"],
      ["u-2", "Swapped", "v5"],
    ]);
    expect(mine[0]!.reason).toMatch(/key "v7" is not configured/);
    expect(mine[1]!.reason).toMatch(/authentication failed/);
    expect(JSON.stringify(result)).not.toMatch(/lost-secret|moved-secret|fine-secret/);
    const [fine] = await database.db.select().from(cloudAccounts).where(eq(cloudAccounts.id, "u-3"));
    expect(decryptWith(ring, fine!.accessKeySecretEnc, { table: "cloud_accounts", id: "u-3" })).toBe("fine-secret");
  });
});
