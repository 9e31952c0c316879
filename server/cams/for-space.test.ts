import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// A fixed key instead of DATA_DIR/encryption.key: set before lib/env is first imported.
vi.hoisted(() => {
  process.env.ENCRYPTION_KEY = Buffer.alloc(32, 7).toString("base64");
});

const { encryptSecret } = await import("@/server/crypto");
const { cloudAccounts, spaces } = await import("@/server/db/schema");
const { camsForSpace } = await import("./for-space");
const { startFixture } = await import("./test-utils");

let fx: Awaited<ReturnType<typeof startFixture>>;
const ids = { account: "", space: "", orphan: "" };

beforeAll(async () => {
  fx = await startFixture(["cust-1"], { withDatabase: true });
  const db = fx.database.db;
  const accId = crypto.randomUUID();
  const [account] = await db
    .insert(cloudAccounts)
    .values({
      id: accId,
      name: "Sandbox",
      accessKeyId: fx.credential.accessKeyId,
      accessKeySecretEnc: encryptSecret(fx.credential.accessKeySecret, { table: "cloud_accounts", id: accId }),
      endpoint: fx.sandbox.endpoint,
      protocol: "HTTP",
      isSandbox: true,
    })
    .returning();
  const [space] = await db.insert(spaces).values({ name: "Space One", custSpaceId: "cust-1", accountId: account.id }).returning();
  const [orphan] = await db.insert(spaces).values({ name: "Orphan", custSpaceId: "cust-x" }).returning();
  Object.assign(ids, { account: account.id, space: space.id, orphan: orphan.id });
});
afterAll(async () => {
  await fx.close();
  delete process.env.ENCRYPTION_KEY;
  delete (globalThis as { __camsKeyring?: unknown }).__camsKeyring;
});

describe("camsForSpace", () => {
  it("builds a working client for the space, with its CustSpaceId as default", async () => {
    const { client, space } = await camsForSpace(fx.database.db, ids.space);
    expect(space).toEqual({ id: ids.space, name: "Space One", custSpaceId: "cust-1", accountId: ids.account, isSandbox: true });
    const res = await client.queryPhoneNumbers();
    expect(res.data).toEqual([]);
    expect(res.requestId).toBeTruthy();
  });

  it("reuses the client until the account changes", async () => {
    const a = await camsForSpace(fx.database.db, ids.space);
    const b = await camsForSpace(fx.database.db, ids.space);
    expect(b.client).toBe(a.client);
    await fx.database.db
      .update(cloudAccounts)
      .set({ updatedAt: new Date(Date.now() + 1000) })
      .where(eq(cloudAccounts.id, ids.account));
    const c = await camsForSpace(fx.database.db, ids.space);
    expect(c.client).not.toBe(a.client);
    await c.client.queryPhoneNumbers();
  });

  it("throws Space.NoAccount and Space.NotFound as CamsErrors", async () => {
    await expect(camsForSpace(fx.database.db, ids.orphan)).rejects.toMatchObject({
      name: "CamsError",
      code: "Space.NoAccount",
      operation: null,
    });
    await expect(camsForSpace(fx.database.db, "nope")).rejects.toMatchObject({ code: "Space.NotFound" });
  });

  it("throws Account.SecretUnreadable when the secret cannot be decrypted", async () => {
    await fx.database.db
      .update(cloudAccounts)
      .set({ accessKeySecretEnc: "v9:AAAA:BBBB:CCCC", updatedAt: new Date(Date.now() + 5000) })
      .where(eq(cloudAccounts.id, ids.account));
    await expect(camsForSpace(fx.database.db, ids.space)).rejects.toMatchObject({ code: "Account.SecretUnreadable" });
  });
});
