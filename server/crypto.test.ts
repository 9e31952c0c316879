import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { Database } from "@/server/db/connect";
import { cloudAccounts } from "@/server/db/schema";
import { openTestDatabase } from "@/server/db/test-db";
import { decryptWith, encryptWith, keyIdOf, loadKeyring } from "./crypto";
import { reencryptAllSecrets } from "./data/rotate";

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), "cams-keys-"));
const b64 = () => crypto.randomBytes(32).toString("base64");

describe("secrets at rest", () => {
  it("creates the embedded key file with mode 0600 and round-trips", () => {
    const dir = tmp();
    const ring = loadKeyring(dir, { keyId: "v1" });
    expect(fs.statSync(path.join(dir, "encryption.key")).mode & 0o777).toBe(0o600);
    const stored = encryptWith(ring, "s3cret");
    expect(stored.startsWith("v1:")).toBe(true);
    expect(stored).not.toContain("s3cret");
    expect(decryptWith(loadKeyring(dir, { keyId: "v1" }), stored)).toBe("s3cret");
  });

  it("detects tampering and names only the key id when a key is missing", () => {
    const ring = loadKeyring(tmp(), { keyId: "v1" });
    const stored = encryptWith(ring, "s3cret");
    const [id, iv, tag, ct] = stored.split(":");
    const flipped = Buffer.from(ct!, "base64");
    flipped[0]! ^= 1;
    expect(() => decryptWith(ring, [id, iv, tag, flipped.toString("base64")].join(":"))).toThrow();
    expect(() => decryptWith(ring, `v9:${iv}:${tag}:${ct}`)).toThrow(/key "v9"/);
  });
});

describe("key rotation", () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase("pglite");
  });
  afterAll(() => database.close());

  it("re-encrypts every secret under the new key; the old key can then go", async () => {
    const dir = tmp();
    const oldRing = loadKeyring(dir, { keyId: "v1" });
    const secrets = ["alpha-secret", "beta-secret"];
    for (const [i, s] of secrets.entries()) {
      await database.db.insert(cloudAccounts).values({ name: `A${i}`, accessKeyId: `AK${i}`, accessKeySecretEnc: encryptWith(oldRing, s), endpoint: "h" });
    }
    const newKey = b64();
    // The key file (v1) stays readable as an old key while ENCRYPTION_KEY (v2) becomes current.
    const rotating = loadKeyring(dir, { key: newKey, keyId: "v2" });
    expect(await reencryptAllSecrets(database.db, rotating)).toEqual({ rotated: 2, unchanged: 0 });
    expect(await reencryptAllSecrets(database.db, rotating)).toEqual({ rotated: 0, unchanged: 2 });

    fs.rmSync(path.join(dir, "encryption.key"));
    const onlyNew = loadKeyring(dir, { key: newKey, keyId: "v2" });
    const rows = await database.db.select().from(cloudAccounts).where(eq(cloudAccounts.endpoint, "h"));
    expect(rows.map((r) => keyIdOf(r.accessKeySecretEnc))).toEqual(["v2", "v2"]);
    expect(rows.map((r) => decryptWith(onlyNew, r.accessKeySecretEnc)).sort()).toEqual(secrets);
  });
});
