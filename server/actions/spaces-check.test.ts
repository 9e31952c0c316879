import { and, eq, gt } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { sandboxControl } from "@/server/cams/test-utils";
import { encryptSecret } from "@/server/crypto";
import { auditEvents, cloudAccounts, spaces } from "@/server/db/schema";
import { testEngines } from "@/server/db/test-db";
import { listAccounts } from "@/server/data/accounts";
import { listSpaces } from "@/server/data/spaces";
import { startSandbox, type SandboxHandle } from "@/server/sandbox/server";
import { session, withRoles } from "@/server/test-support";
import { testAccountConnectionAction } from "./accounts";
import { createSpaceAction, updateSpaceAction } from "./spaces";

/**
 * Issue 13 item 5, against a real sandbox over HTTP and a real database: a space is saved only when
 * its account reaches the CustSpaceId (or deliberately, after the explained refusal), the accounts
 * page counts the spaces that use an account, and "Test connection" counts every linked space's numbers.
 */

vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => undefined, set: () => undefined }),
  headers: async () => new Headers(),
}));

let sandbox: SandboxHandle;
let control: ReturnType<typeof sandboxControl>;
beforeAll(async () => {
  sandbox = await startSandbox({ spaces: [] });
  control = sandboxControl(sandbox);
  await control.addSpace("known-8", 8);
  await control.addSpace("known-12", 12);
  await control.addSpace("known-15", 15);
});
afterAll(() => sandbox?.close());

describe.each(testEngines())("spaces and accounts on %s", (engine) => {
  const { database, f } = withRoles(engine);
  let accountId: string;
  let emptyAccountId: string;

  beforeAll(async () => {
    const cred = sandbox.credentials[0]!;
    const account = (name: string, id = crypto.randomUUID()) => ({ id, name, accessKeyId: cred.accessKeyId, accessKeySecretEnc: encryptSecret(cred.accessKeySecret, { table: "cloud_accounts", id }), endpoint: sandbox.endpoint, protocol: "HTTP" });
    const [a, b] = await database.db.insert(cloudAccounts).values([account("Main"), account("Unused")]).returning();
    accountId = a!.id;
    emptyAccountId = b!.id;
    session.user = f.admin;
  });

  const queries = async () => (await control.calls()).byAction.QueryChatappPhoneNumbers ?? 0;
  const auditSince = async (since: number, operation: string) =>
    database.db.select().from(auditEvents).where(and(gt(auditEvents.id, since), eq(auditEvents.operation, operation))).orderBy(auditEvents.id);
  const lastAuditId = async () => (await database.db.select({ id: auditEvents.id }).from(auditEvents)).reduce((m, r) => Math.max(m, r.id), 0);

  it("refuses a CustSpaceId CAMS does not know through the account, explained; saves it when the user insists", async () => {
    const since = await lastAuditId();
    const typed = { name: "Ghost", custSpaceId: "no-such-space", accountId };
    const refused = await createSpaceAction(typed);
    expect(refused.data).toBeUndefined();
    expect(refused.serverError).toMatchObject({ code: "Unknown.ResourceOwnerId", httpStatus: 400 });
    expect(refused.serverError!.requestId).toMatch(/^[0-9A-F-]{36}$/);
    expect(await database.db.select().from(spaces).where(eq(spaces.custSpaceId, "no-such-space"))).toEqual([]);

    const forced = await createSpaceAction({ ...typed, force: true });
    expect(forced.data?.id).toBeTruthy();
    const audit = await auditSince(since, "spaces.create");
    expect(audit.map((e) => [e.outcome, e.errorCode])).toEqual([
      ["error", "Unknown.ResourceOwnerId"],
      ["ok", null],
    ]);
    expect(audit[0]!.requestId).toBe(refused.serverError!.requestId);
    expect(audit[1]!.input).toMatchObject({ custSpaceId: "no-such-space", force: true });
  });

  it("saves a CustSpaceId the account reaches after one read; a rename asks CAMS nothing; relinking checks again", async () => {
    await control.resetCalls();
    const created = await createSpaceAction({ name: "Eight", custSpaceId: "known-8", accountId });
    expect(created.serverError).toBeUndefined();
    const id = created.data!.id;
    expect(await queries()).toBe(1);

    expect((await updateSpaceAction({ spaceId: id, name: "Eight renamed", custSpaceId: "known-8", accountId })).data).toEqual({ ok: true });
    expect(await queries()).toBe(1);

    const moved = await updateSpaceAction({ spaceId: id, name: "Eight renamed", custSpaceId: "not-there", accountId });
    expect(moved.serverError?.code).toBe("Unknown.ResourceOwnerId");
    expect(await queries()).toBe(2);
    const [row] = await database.db.select().from(spaces).where(eq(spaces.id, id));
    expect(row).toMatchObject({ name: "Eight renamed", custSpaceId: "known-8" });

    // Without an account there is nothing to ask.
    expect((await createSpaceAction({ name: "Loose", custSpaceId: "loose-1", accountId: null })).data?.id).toBeTruthy();
    expect(await queries()).toBe(2);
  });

  it("the accounts page counts the spaces that use each account", async () => {
    for (const cust of ["known-12", "known-15"]) {
      expect((await createSpaceAction({ name: cust, custSpaceId: cust, accountId })).serverError).toBeUndefined();
    }
    const byName = Object.fromEntries((await listAccounts()).map((a) => [a.name, a.spaces]));
    // Ghost (forced), Eight, known-12, known-15.
    expect(byName).toEqual({ Main: 4, Unused: 0 });
    const linked = (await listSpaces()).filter((s) => s.accountId === accountId);
    expect(linked).toHaveLength(4);
  });

  it("Test connection counts the numbers of every linked space and names the space CAMS refused", async () => {
    await control.resetCalls();
    const r = await testAccountConnectionAction({ accountId });
    expect(r.serverError).toBeUndefined();
    const data = r.data!;
    expect(data.total).toBe(8 + 12 + 15);
    expect(data.linkedSpaces).toBe(4);
    const byCust = Object.fromEntries(data.spaces.map((s) => [s.custSpaceId, s.count]));
    expect(byCust).toEqual({ "known-8": 8, "known-12": 12, "known-15": 15, "no-such-space": null });
    expect(data.spaces.find((s) => s.custSpaceId === "no-such-space")!.error?.code).toBe("Unknown.ResourceOwnerId");
    expect(await queries()).toBe(4);

    // An account without spaces: what it sees without a CustSpaceId (every space the key owns).
    const bare = await testAccountConnectionAction({ accountId: emptyAccountId });
    expect(bare.data).toMatchObject({ total: 35, linkedSpaces: 0, spaces: [] });
  });
});
