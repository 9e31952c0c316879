import { generateKeyPairSync } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => undefined, set: () => undefined }),
  headers: async () => new Headers(),
}));

const { installTestDatabase, seedSandboxRoles, session } = await import("@/server/test-support");
const { openTestDatabaseWithPeer, testEngines } = await import("@/server/db/test-db");
const { inventoryKeys, inventoryProfiles, inventoryQrCodes, inventoryQrLists, inventorySyncs, spaces } = await import("@/server/db/schema");

const h = await import("@/server/jobs/test-helpers");
const { claimSyncs } = await import("./queue");
const { ensureSyncRows, syncStates } = await import("./store");
const { createSweepWorker } = await import("./worker");
const { observeSpace } = await import("./sync");
const { camsForSpace } = await import("@/server/cams/for-space");
const { keyResponse, listKeyNumbers } = await import("@/server/data/encryption-keys");
const { listNumberQrCodes } = await import("@/server/data/qr-codes");
const { updateEncryptionKeyAction } = await import("@/server/actions/encryption-keys");
const { createQrCodeAction, deleteQrCodeAction } = await import("@/server/actions/qr-codes");
const { refreshSpaceInventoryAction } = await import("@/server/actions/inventory");

type Database = import("@/server/db/connect").Database;

const pem = () => generateKeyPairSync("rsa", { modulusLength: 2048 }).publicKey.export({ type: "spki", format: "pem" }).toString();

/**
 * The details sweep (keys and QR codes per number) against a real sandbox over HTTP, on both
 * engines: claimed under the same leases as number lists, stored with source sweep; a CAMS
 * failure keeps the data and marks it stale; the views answer from the inventory without CAMS;
 * a change here stores its read-back; "Refresh now" of details sees a change made outside.
 */
describe.each(testEngines())("inventory details on %s", (engine) => {
  let database: Database;
  let peer: Database;
  let sb: import("@/server/sandbox/server").SandboxHandle;
  let api: ReturnType<typeof import("@/server/jobs/test-helpers").sandboxApi>;
  let f: import("@/server/test-support").RoleFixture;
  const cust = `dt-${engine}-${crypto.randomUUID().slice(0, 6)}`;
  const other = `${cust}-b`;
  let phones: string[] = [];
  const calls = async (op: string) => (await api.calls()).byAction[op] ?? 0;
  const sweeper = () =>
    createSweepWorker({ id: `dw-${crypto.randomUUID().slice(0, 4)}`, pollMs: 50, leaseMs: 5_000, heartbeatMs: 200, numbersEveryMs: 60_000, detailsEveryMs: 600_000, retryBaseMs: 60_000 });
  const due = (spaceId: string) =>
    database.db
      .update(inventorySyncs)
      .set({ dueAt: new Date(Date.now() - 1000) })
      .where(and(eq(inventorySyncs.spaceId, spaceId), eq(inventorySyncs.kind, "details")));
  async function sweepDetails(until: (w: ReturnType<typeof sweeper>) => boolean) {
    const w = sweeper();
    w.start();
    try {
      await h.waitFor("the details sweep", async () => until(w));
    } finally {
      await w.stop();
    }
  }

  beforeAll(async () => {
    const pair = await openTestDatabaseWithPeer(engine);
    database = installTestDatabase(pair.database);
    peer = pair.peer();
    ({ f, sb, api } = await seedSandboxRoles(database, [cust, 3], [other, 2]));
    phones = (await api.numbers(cust)).map((n) => n.phoneNumber).sort();
    // A key and a code on the first number, set through CAMS itself.
    const { client } = await camsForSpace(database.db, f.spaceId);
    await client.updateEncryptionPublicKey({ phoneNumber: phones[0]!, encryptionPublicKey: pem() });
    await api.addQrCode(phones[0]!, "Hello from the sweep");
    await client.modifyProfile({ phoneNumber: phones[0]!, about: "Swept about", email: "swept@example.com", websites: ["https://swept.example/a"] });
    await observeSpace(database.db, f.spaceId, "read");
    await observeSpace(database.db, f.otherSpaceId, "read");
  });
  afterAll(async () => {
    await sb?.close();
    await database?.close();
  });
  afterEach(async () => {
    await api.clearFaults();
  });

  it("details rows are claimed once across two connections, beside number lists", async () => {
    await ensureSyncRows(database.db, ["numbers", "details"]);
    await database.db.update(inventorySyncs).set({ dueAt: new Date(Date.now() - 1000) });
    const [a, b] = await Promise.all([claimSyncs(database.db, "A", 3, 5_000), claimSyncs(peer.db, "B", 3, 5_000)]);
    const got = [...a, ...b].map((s) => `${s.spaceId}/${s.kind}`);
    expect(new Set(got).size).toBe(got.length);
    expect(got.filter((g) => g.endsWith("/details")).length).toBe(2);
    await database.db.update(inventorySyncs).set({ leaseOwner: null, leaseUntil: null, dueAt: new Date(Date.now() + 600_000) });
  });

  it("the sweep stores every number's key and QR codes (source sweep), one call of each per number", async () => {
    await api.resetCalls();
    await due(f.spaceId);
    await sweepDetails((w) => w.stats().swept >= 1);
    expect(await calls("GetPhoneEncryptionPublicKey")).toBe(phones.length);
    expect(await calls("ListPhoneMessageQrdl")).toBe(phones.length);
    const keys = await database.db.select().from(inventoryKeys).where(eq(inventoryKeys.spaceId, f.spaceId));
    expect(keys.map((k) => [k.phoneNumber, k.state, k.source]).sort()).toEqual(phones.map((p, i) => [p, i === 0 ? "key" : "none", "sweep"]));
    const held = (await api.numbers(cust)).find((n) => n.phoneNumber === phones[0])!;
    expect(keys.find((k) => k.phoneNumber === phones[0])).toMatchObject({ publicKey: held.key!.pem, keyStatus: held.key!.status });
    expect(keys.find((k) => k.phoneNumber === phones[0])!.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/i);
    const codes = await database.db.select().from(inventoryQrCodes).where(eq(inventoryQrCodes.spaceId, f.spaceId));
    expect(codes.map((c) => [c.phoneNumber, c.prefilledMessage, c.source])).toEqual([[phones[0], "Hello from the sweep", "sweep"]]);
    expect((await database.db.select().from(inventoryQrLists).where(eq(inventoryQrLists.spaceId, f.spaceId))).length).toBe(phones.length);
    expect((await syncStates(database.db, [f.spaceId], "details")).get(f.spaceId)!.observedAt).toBeTruthy();
    // The business profile of every number, as CAMS holds it, one call each.
    expect(await calls("QueryPhoneBusinessProfile")).toBe(phones.length);
    const profiles = await database.db.select().from(inventoryProfiles).where(eq(inventoryProfiles.spaceId, f.spaceId));
    expect(profiles.map((p) => [p.phoneNumber, p.source]).sort()).toEqual(phones.map((p) => [p, "sweep"]));
    expect(profiles.find((p) => p.phoneNumber === phones[0])).toMatchObject({
      profile: expect.objectContaining({ about: "Swept about", email: "swept@example.com", websites: ["https://swept.example/a"] }),
      search: "Swept about\nswept@example.com\nhttps://swept.example/a",
    });
    // The other space was not due: untouched.
    expect((await database.db.select().from(inventoryKeys).where(eq(inventoryKeys.spaceId, f.otherSpaceId))).length).toBe(0);
  });

  it("the key and QR views answer from the inventory with their as-of, without a CAMS call", async () => {
    session.user = f.viewer;
    await api.resetCalls();
    const list = await listKeyNumbers(f.spaceId);
    expect(list.numbers.find((n) => n.phoneNumber === phones[0])!.result).toMatchObject({ state: "key" });
    expect(list.numbers.find((n) => n.phoneNumber === phones[1])!.result).toEqual({ state: "none" });
    expect(list.observedAt).toBeTruthy();
    expect(list.stale).toBe(false);
    const one = await keyResponse(f.spaceId, phones[0]!);
    expect(one.result).toMatchObject({ state: "key", key: { keyType: "RSA", bits: 2048 } });
    const qr = await listNumberQrCodes(f.spaceId, phones[0]!);
    expect(qr.codes.map((c) => c.prefilledMessage)).toEqual(["Hello from the sweep"]);
    expect(qr.observedAt).toBeTruthy();
    expect(await calls("GetPhoneEncryptionPublicKey")).toBe(0);
    expect(await calls("ListPhoneMessageQrdl")).toBe(0);
  });

  it("a CAMS failure keeps the last data and marks it stale with the explained error", async () => {
    const before = await database.db.select().from(inventoryKeys).where(eq(inventoryKeys.spaceId, f.spaceId));
    await api.fault({ action: "ListPhoneMessageQrdl", custSpaceId: cust, kind: "error", code: "Ram.PermissionDeny", count: -1 });
    await due(f.spaceId);
    await sweepDetails((w) => w.stats().failed >= 1);
    const st = (await syncStates(database.db, [f.spaceId], "details")).get(f.spaceId)!;
    expect(st.lastError).toMatchObject({ code: "Ram.PermissionDeny" });
    expect(await database.db.select().from(inventoryKeys).where(eq(inventoryKeys.spaceId, f.spaceId))).toEqual(before);
    session.user = f.viewer;
    const qr = await listNumberQrCodes(f.spaceId, phones[0]!);
    expect(qr).toMatchObject({ stale: true, lastError: { code: "Ram.PermissionDeny" } });
    expect(qr.codes.length).toBe(1);
    expect((await listKeyNumbers(f.spaceId)).stale).toBe(true);
  });

  it("a key upload and QR create/delete here store their read-back", async () => {
    session.user = f.operator;
    const r = await updateEncryptionKeyAction({ spaceId: f.spaceId, phoneNumber: phones[1]!, publicKey: pem(), origin: "pasted" });
    expect(r.serverError).toBeUndefined();
    const [k] = await database.db
      .select()
      .from(inventoryKeys)
      .where(and(eq(inventoryKeys.spaceId, f.spaceId), eq(inventoryKeys.phoneNumber, phones[1]!)));
    expect(k).toMatchObject({ state: "key", source: "readback", fingerprint: r.data!.newFingerprint });
    await api.resetCalls();
    expect((await keyResponse(f.spaceId, phones[1]!)).result).toMatchObject({ state: "key", key: { fingerprint: r.data!.newFingerprint } });
    expect(await calls("GetPhoneEncryptionPublicKey")).toBe(0);

    const c = await createQrCodeAction({ spaceId: f.spaceId, phoneNumber: phones[1]!, prefilledMessage: "Made here", generateQrImage: "PNG" });
    expect(c.serverError).toBeUndefined();
    const code = c.data!.code!.qrdlCode;
    expect((await listNumberQrCodes(f.spaceId, phones[1]!)).codes.map((x) => x.qrdlCode)).toContain(code);
    const d = await deleteQrCodeAction({ spaceId: f.spaceId, phoneNumber: phones[1]!, qrdlCode: code });
    expect(d.serverError).toBeUndefined();
    expect((await listNumberQrCodes(f.spaceId, phones[1]!)).codes.map((x) => x.qrdlCode)).not.toContain(code);
    // A code of another number of the space is refused before any CAMS call.
    const held = (await database.db.select().from(inventoryQrCodes).where(eq(inventoryQrCodes.phoneNumber, phones[0]!)))[0]!.qrdlCode;
    await api.resetCalls();
    const wrong = await deleteQrCodeAction({ spaceId: f.spaceId, phoneNumber: phones[2]!, qrdlCode: held });
    expect(wrong.serverError).toMatchObject({ httpStatus: 404 });
    expect(await calls("DeletePhoneMessageQrdl")).toBe(0);
  });

  it("Refresh now of details sees a QR code made outside the console, capped per user", async () => {
    session.user = f.viewer;
    const outside = await api.addQrCode(phones[2]!, "Made outside");
    expect((await listNumberQrCodes(f.spaceId, phones[2]!)).codes.map((c) => c.qrdlCode)).not.toContain(outside.qrdlCode);
    const r = await refreshSpaceInventoryAction({ spaceId: f.spaceId, kind: "details" });
    expect(r.serverError).toBeUndefined();
    expect(r.data).toMatchObject({ numbers: phones.length });
    const after = await listNumberQrCodes(f.spaceId, phones[2]!);
    expect(after.codes.map((c) => c.qrdlCode)).toContain(outside.qrdlCode);
    expect(after.stale).toBe(false);
    const again = await refreshSpaceInventoryAction({ spaceId: f.spaceId, kind: "details" });
    expect(again.serverError).toMatchObject({ key: "refreshThrottled", httpStatus: 429 });
  });
  it("a second sweep stores the whole space's changes at once: a code gone on one number, codes added on two others, a key replaced", async () => {
    const { client } = await camsForSpace(database.db, f.spaceId);
    const before = await database.db.select().from(inventoryQrCodes).where(eq(inventoryQrCodes.spaceId, f.spaceId));
    const gone = before.filter((c) => c.phoneNumber === phones[0]);
    expect(gone.length).toBe(1);
    await client.deleteQrCode({ phoneNumber: phones[0]!, qrdlCode: gone[0]!.qrdlCode });
    const added = [await api.addQrCode(phones[1]!, "Second A"), await api.addQrCode(phones[1]!, "Second B"), await api.addQrCode(phones[2]!, "Third")];
    const newKey = pem();
    await client.updateEncryptionPublicKey({ phoneNumber: phones[0]!, encryptionPublicKey: newKey });
    const swept = (await syncStates(database.db, [f.spaceId], "details")).get(f.spaceId)!.observedAt!;
    await due(f.spaceId);
    await sweepDetails((w) => w.stats().swept >= 1);
    expect((await syncStates(database.db, [f.spaceId], "details")).get(f.spaceId)!.observedAt! > swept).toBe(true);
    const codes = await database.db.select().from(inventoryQrCodes).where(eq(inventoryQrCodes.spaceId, f.spaceId));
    expect(codes.map((c) => [c.phoneNumber, c.qrdlCode, c.prefilledMessage]).sort()).toEqual(
      [
        ...before.filter((c) => c.phoneNumber !== phones[0]).map((c) => [c.phoneNumber, c.qrdlCode, c.prefilledMessage]),
        [phones[1], added[0]!.qrdlCode, "Second A"],
        [phones[1], added[1]!.qrdlCode, "Second B"],
        [phones[2], added[2]!.qrdlCode, "Third"],
      ].sort(),
    );
    expect(codes.every((c) => c.source === "sweep" && c.observedAt > swept)).toBe(true);
    const keys = await database.db.select().from(inventoryKeys).where(eq(inventoryKeys.spaceId, f.spaceId));
    expect(keys.find((k) => k.phoneNumber === phones[0])).toMatchObject({ state: "key", publicKey: newKey.trim() });
    expect(keys.every((k) => k.observedAt > swept)).toBe(true);
    const lists = await database.db.select().from(inventoryQrLists).where(eq(inventoryQrLists.spaceId, f.spaceId));
    expect(lists.length).toBe(phones.length);
    expect(lists.every((l) => l.observedAt > swept)).toBe(true);
  });
  it("a space's details are not claimed before its number list was observed", async () => {
    const third = `${cust}-c`;
    await api.addSpace(third, 1);
    const [{ accountId }] = await database.db.select({ accountId: spaces.accountId }).from(spaces).where(eq(spaces.id, f.spaceId));
    const [fresh] = await database.db.insert(spaces).values({ name: `Fresh ${third}`, custSpaceId: third, accountId }).returning({ id: spaces.id });
    await ensureSyncRows(database.db, ["numbers", "details"]);
    await database.db.update(inventorySyncs).set({ dueAt: new Date(Date.now() + 600_000) });
    await database.db.update(inventorySyncs).set({ dueAt: new Date(Date.now() - 1000) }).where(eq(inventorySyncs.spaceId, fresh!.id));
    expect(await claimSyncs(database.db, "C", 5, 5_000, ["details"])).toEqual([]);
    await observeSpace(database.db, fresh!.id, "read");
    await database.db.update(inventorySyncs).set({ leaseOwner: null, leaseUntil: null, dueAt: new Date(Date.now() - 1000) }).where(eq(inventorySyncs.spaceId, fresh!.id));
    expect((await claimSyncs(database.db, "C", 5, 5_000, ["details"])).map((c) => c.spaceId)).toEqual([fresh!.id]);
    await database.db.delete(spaces).where(eq(spaces.id, fresh!.id));
  });

  it("number lists are swept while a slow details space is in flight (each kind has its own spaces in flight)", async () => {
    await api.fault({ action: "GetPhoneEncryptionPublicKey", custSpaceId: cust, kind: "latency", latencyMs: 3_000, count: -1 });
    const listedBefore = (await syncStates(database.db, [f.otherSpaceId])).get(f.otherSpaceId)!.observedAt!;
    const detailsBefore = (await syncStates(database.db, [f.spaceId], "details")).get(f.spaceId)!.observedAt!;
    // The slow details first in the queue, the other space's list after it.
    await database.db.update(inventorySyncs).set({ leaseOwner: null, leaseUntil: null, dueAt: new Date(Date.now() + 600_000) });
    await database.db.update(inventorySyncs).set({ dueAt: new Date(Date.now() - 2000) }).where(and(eq(inventorySyncs.spaceId, f.spaceId), eq(inventorySyncs.kind, "details")));
    await database.db.update(inventorySyncs).set({ dueAt: new Date(Date.now() - 1000) }).where(and(eq(inventorySyncs.spaceId, f.otherSpaceId), eq(inventorySyncs.kind, "numbers")));
    const w = createSweepWorker({ id: "one-each", concurrency: 1, pollMs: 50, leaseMs: 10_000, heartbeatMs: 200, numbersEveryMs: 60_000, detailsEveryMs: 600_000, retryBaseMs: 60_000 });
    w.start();
    try {
      await h.waitFor("the other space's list", async () => (await syncStates(database.db, [f.otherSpaceId])).get(f.otherSpaceId)!.observedAt! > listedBefore);
      // The details are still waiting on their slow calls.
      expect((await syncStates(database.db, [f.spaceId], "details")).get(f.spaceId)!.observedAt).toEqual(detailsBefore);
      expect(w.stats().inFlight).toBe(1);
      await api.clearFaults();
      await h.waitFor("the slow details", async () => w.stats().swept >= 2);
    } finally {
      await w.stop();
    }
  });
  it("a key upload takes the old fingerprint from a fresh inventory (one read: the read-back), from CAMS when the stored key is old", async () => {
    session.user = f.operator;
    const phone = phones[1]!;
    const held = async () =>
      (await database.db.select().from(inventoryKeys).where(and(eq(inventoryKeys.spaceId, f.spaceId), eq(inventoryKeys.phoneNumber, phone))))[0]!;
    await updateEncryptionKeyAction({ spaceId: f.spaceId, phoneNumber: phone, publicKey: pem(), origin: "pasted" });
    const before = (await held()).fingerprint;
    await api.resetCalls();
    const fresh = await updateEncryptionKeyAction({ spaceId: f.spaceId, phoneNumber: phone, publicKey: pem(), origin: "pasted" });
    expect(fresh.data).toMatchObject({ oldFingerprint: before });
    expect([await calls("UpdatePhoneEncryptionPublicKey"), await calls("GetPhoneEncryptionPublicKey")]).toEqual([1, 1]);
    await database.db
      .update(inventoryKeys)
      .set({ observedAt: new Date(Date.now() - 3_600_000) })
      .where(and(eq(inventoryKeys.spaceId, f.spaceId), eq(inventoryKeys.phoneNumber, phone)));
    await api.resetCalls();
    const old = await updateEncryptionKeyAction({ spaceId: f.spaceId, phoneNumber: phone, publicKey: pem(), origin: "pasted" });
    expect(old.data).toMatchObject({ oldFingerprint: fresh.data!.newFingerprint });
    expect([await calls("UpdatePhoneEncryptionPublicKey"), await calls("GetPhoneEncryptionPublicKey")]).toEqual([1, 2]);
  });
});
