import { generateKeyPairSync } from "node:crypto";
import { and, asc, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { evaluate } from "@/lib/alerts";
import type { ProfileView } from "@/lib/schemas/profile";

vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => undefined, set: () => undefined }),
  headers: async () => new Headers(),
}));

const { session, withSandboxRoles } = await import("@/server/test-support");
const { testEngines } = await import("@/server/db/test-db");
const { notifications, numberEvents } = await import("@/server/db/schema");

const { observeSpace } = await import("@/server/inventory/sync");
const { observeNumberDetails, observeSpaceDetails, putKeyTx } = await import("@/server/inventory/details");
const { camsForSpace } = await import("@/server/cams/for-space");
const { recordAudit } = await import("@/server/audit");
const { updateEncryptionKeyAction } = await import("@/server/actions/encryption-keys");
const { createQrCodeAction, deleteQrCodeAction } = await import("@/server/actions/qr-codes");
const { updateProfileAction } = await import("@/server/actions/profile");
const { attribute } = await import("./history");
const { diffDetails, keyValues, pictureAddress, profileValues, qrValues } = await import("./details-history");

type HeldDetails = import("./details-history").HeldDetails;

const pem = () => generateKeyPairSync("rsa", { modulusLength: 2048 }).publicKey.export({ type: "spki", format: "pem" }).toString();
const PHONE = "8613800000001";
const T0 = new Date(1_000_000);
const T1 = new Date(2_000_000);
const profile = (over: Partial<ProfileView> = {}): ProfileView => ({
  about: "Hello",
  address: "1 Harbour Road",
  description: "",
  email: "shop@example.com",
  vertical: "RETAIL",
  websites: ["https://a.example"],
  profilePictureUrl: "https://cdn.example/p/1.jpg?token=abc",
  ...over,
});
const held = (kinds: HeldDetails extends Map<string, infer V> ? V : never): HeldDetails => new Map([[PHONE, kinds]]);
const triples = (cs: { field: string; oldValue: string | null; newValue: string | null }[]) => cs.map((c) => [c.field, c.oldValue, c.newValue]);
const fp = "AA:BB";
/** The sandbox's about text of a number nobody set one for. */
const DEFAULT_ABOUT = "Hey there! I am using WhatsApp.";
const key = (status: string | null, fingerprint = fp) => ({ state: "key" as const, status, key: { pem: "x", keyType: "RSA", bits: 2048, fingerprint } });

describe("diffing a number's details", () => {
  it("the key: its fingerprint and status; no key is 'missing'; the same state twice is nothing", () => {
    const was = held({ key: { values: keyValues({ state: "key", keyStatus: "VALID", fingerprint: fp }), observedAt: T0 } });
    expect(diffDetails(was, [{ phoneNumber: PHONE, key: key("VALID") }], T1).changes).toEqual([]);
    expect(triples(diffDetails(was, [{ phoneNumber: PHONE, key: key("MISMATCH") }], T1).changes)).toEqual([["keyStatus", "VALID", "MISMATCH"]]);
    expect(triples(diffDetails(was, [{ phoneNumber: PHONE, key: key("VALID", "CC:DD") }], T1).changes)).toEqual([["keyFingerprint", fp, "CC:DD"]]);
    expect(triples(diffDetails(was, [{ phoneNumber: PHONE, key: { state: "none" } }], T1).changes)).toEqual([
      ["keyFingerprint", fp, null],
      ["keyStatus", "VALID", "missing"],
    ]);
  });

  it("QR codes: one event per code added, changed or removed", () => {
    const was = held({ qr: { values: qrValues([{ qrdlCode: "A1", prefilledMessage: "Hi" }, { qrdlCode: "B2", prefilledMessage: "Old" }]), observedAt: T0 }, key: undefined });
    const got = diffDetails(was, [{ phoneNumber: PHONE, qr: { codes: [{ qrdlCode: "B2", prefilledMessage: "New" }, { qrdlCode: "C3", prefilledMessage: "Added" }] as never } }], T1);
    expect(triples(got.changes)).toEqual([
      ["qrCode", "B2: Old", "B2: New"],
      ["qrCode", null, "C3: Added"],
      ["qrCode", "A1: Hi", null],
    ]);
    expect(got.previousAt.get(PHONE)).toEqual(T0);
  });

  it("the profile field by field; a picture URL's query (a token) is no change; health", () => {
    const was = held({ profile: { values: profileValues(profile()), observedAt: T0 }, health: { values: new Map([["health", { field: "health", value: "AVAILABLE" }]]), observedAt: T0 } });
    expect(diffDetails(was, [{ phoneNumber: PHONE, profile: profile({ profilePictureUrl: "https://cdn.example/p/1.jpg?token=xyz" }) }], T1).changes).toEqual([]);
    const got = diffDetails(
      was,
      [{ phoneNumber: PHONE, profile: profile({ about: "Bye", websites: ["https://a.example", "https://b.example"], vertical: "", profilePictureUrl: "https://cdn.example/p/2.jpg" }), health: { canSendMessage: "LIMITED" } as never }],
      T1,
    );
    expect(triples(got.changes)).toEqual([
      ["health", "AVAILABLE", "LIMITED"],
      ["profileAbout", "Hello", "Bye"],
      ["profileVertical", "RETAIL", null],
      ["profileWebsites", "https://a.example", "https://a.example https://b.example"],
      ["profilePicture", "https://cdn.example/p/1.jpg", "https://cdn.example/p/2.jpg"],
    ]);
    expect(pictureAddress("")).toBeNull();
  });

  it("a kind never held is the starting point, not a change; an observation older than the held one is skipped", () => {
    expect(diffDetails(new Map(), [{ phoneNumber: PHONE, key: { state: "none" }, qr: { codes: [{ qrdlCode: "A1", prefilledMessage: "x" }] as never }, profile: profile() }], T1).changes).toEqual([]);
    const was = held({ key: { values: keyValues({ state: "key", keyStatus: "VALID", fingerprint: fp }), observedAt: T1 } });
    const got = diffDetails(was, [{ phoneNumber: PHONE, key: key("MISMATCH") }], T0);
    expect(got.changes).toEqual([]);
    expect([...got.skip]).toEqual([`${PHONE}\u0000key`]);
  });

  it("sources: the key, a QR code and the profile are managed here (drift), the key's status and health are CAMS's; an operation explains only its fields", () => {
    const changes = [
      { phoneNumber: PHONE, field: "keyFingerprint" as const, oldValue: fp, newValue: "CC:DD" },
      { phoneNumber: PHONE, field: "keyStatus" as const, oldValue: "VALID", newValue: "MISMATCH" },
      { phoneNumber: PHONE, field: "qrCode" as const, oldValue: "A1: Hi", newValue: null },
      { phoneNumber: PHONE, field: "profileAbout" as const, oldValue: "a", newValue: "b" },
      { phoneNumber: PHONE, field: "health" as const, oldValue: "AVAILABLE", newValue: "BLOCKED" },
    ];
    const prev = new Map([[PHONE, T0]]);
    expect(attribute(changes, [], prev).map((c) => c.source)).toEqual(["outside", "cams", "outside", "outside", "cams"]);
    const ours = (operation: string) => [{ operation, target: PHONE, actorId: "u1", actorEmail: "a@x.test", auditEventId: 3, at: T0.getTime() + 1 }];
    expect(attribute(changes, ours("qrCodes.delete"), prev).map((c) => c.source)).toEqual(["outside", "cams", "console", "outside", "cams"]);
    expect(attribute(changes, ours("bulk.encryptionKey"), prev).map((c) => c.source)).toEqual(["console", "console", "outside", "outside", "cams"]);
    expect(attribute(changes, ours("profile.update"), prev).map((c) => c.source)).toEqual(["outside", "cams", "outside", "console", "cams"]);
  });
});

describe("rules for keys, QR codes and health", () => {
  const c = (field: string, oldValue: string | null, newValue: string | null, source = "cams") => ({ field, oldValue, newValue, source });
  it("a key MISMATCH or removed raises, VALID again recovers; a newly verified number without a key does not", () => {
    expect(evaluate("keyMissingOrMismatch", c("keyStatus", "VALID", "MISMATCH"))).toBe("alert");
    expect(evaluate("keyMissingOrMismatch", c("keyStatus", null, "MISMATCH"))).toBe("alert");
    expect(evaluate("keyMissingOrMismatch", c("keyStatus", "VALID", "missing"))).toBe("alert");
    expect(evaluate("keyMissingOrMismatch", c("keyStatus", null, "missing"))).toBeNull();
    expect(evaluate("keyMissingOrMismatch", c("keyStatus", "MISMATCH", "VALID"))).toBe("recovery");
    expect(evaluate("keyMissingOrMismatch", c("keyStatus", "missing", "VALID"))).toBe("recovery");
    expect(evaluate("keyMissingOrMismatch", c("keyFingerprint", "AA", null, "outside"))).toBeNull();
  });
  it("health that can send less raises (Available → Limited → Blocked), more again recovers; the first reading and unknown values do not", () => {
    expect(evaluate("healthDegraded", c("health", "AVAILABLE", "LIMITED"))).toBe("alert");
    expect(evaluate("healthDegraded", c("health", "LIMITED", "BLOCKED"))).toBe("alert");
    expect(evaluate("healthDegraded", c("health", "BLOCKED", "LIMITED"))).toBe("recovery");
    expect(evaluate("healthDegraded", c("health", "LIMITED", "AVAILABLE"))).toBe("recovery");
    expect(evaluate("healthDegraded", c("health", null, "BLOCKED"))).toBeNull();
    expect(evaluate("healthDegraded", c("health", "AVAILABLE", "SOMETHING_NEW"))).toBeNull();
    expect(evaluate("healthDegraded", c("qualityRating", "GREEN", "RED"))).toBeNull();
  });
  it("a QR code removed outside the console raises; removed here, or added outside, does not", () => {
    expect(evaluate("qrRemovedOutside", c("qrCode", "A1: Hi", null, "outside"))).toBe("alert");
    expect(evaluate("qrRemovedOutside", c("qrCode", "A1: Hi", null, "console"))).toBeNull();
    expect(evaluate("qrRemovedOutside", c("qrCode", null, "A1: Hi", "outside"))).toBeNull();
    expect(evaluate("qrRemovedOutside", c("qrCode", "A1: Hi", "A1: Ho", "outside"))).toBeNull();
  });
});

/** Observations of a real sandbox over HTTP, on both engines, through the sweep's and the actions' own paths. */
describe.each(testEngines())("history of observed details on %s", (engine) => {
  let phones: string[] = [];
  const cust = `dh-${engine}-${crypto.randomUUID().slice(0, 6)}`;
  const { database, f, sb, api } = withSandboxRoles([cust, 3], undefined, engine);
  const events = () => database.db.select().from(numberEvents).where(eq(numberEvents.spaceId, f.spaceId)).orderBy(asc(numberEvents.id));
  const alerts = () =>
    database.db
      .select({ kind: notifications.kind, state: notifications.state, phoneNumber: notifications.phoneNumber, oldValue: notifications.oldValue, newValue: notifications.newValue })
      .from(notifications)
      .where(and(eq(notifications.spaceId, f.spaceId), inArray(notifications.kind, ["keyMissingOrMismatch", "qrRemovedOutside", "healthDegraded"])))
      .orderBy(notifications.id);
  const setHealth = (phone: string, canSendMessage: string) =>
    fetch(`${sb.url}/_sandbox/numbers/${phone}/health`, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify({ canSendMessage }) });
  const shape = (e: { phoneNumber: string; field: string; oldValue: string | null; newValue: string | null; source: string }) => [e.phoneNumber, e.field, e.oldValue, e.newValue, e.source];

  beforeAll(async () => {
    phones = (await api.numbers(cust)).map((n) => n.phoneNumber).sort();
    const { client } = await camsForSpace(database.db, f.spaceId);
    await client.updateEncryptionPublicKey({ phoneNumber: phones[0]!, encryptionPublicKey: pem() });
    await api.addQrCode(phones[0]!, "Spring sale");
    await api.addQrCode(phones[0]!, "Autumn sale");
    await observeSpace(database.db, f.spaceId, "read");
  });

  it("a number's first details are the starting point; the same state again writes nothing", async () => {
    await observeSpaceDetails(database.db, f.spaceId);
    await observeSpaceDetails(database.db, f.spaceId);
    await observeNumberDetails(database.db, f.spaceId, phones[0]!);
    expect(await events()).toEqual([]);
  });

  it("changes made by CAMS and outside the console are recorded once, with their source, and raise one alert each", async () => {
    const { client } = await camsForSpace(database.db, f.spaceId);
    const codes = (await client.listQrCodes({ phoneNumber: phones[0]! })).data;
    const spring = codes.find((c) => c.prefilledMessage === "Spring sale")!.qrdlCode!;
    await client.deleteQrCode({ phoneNumber: phones[0]!, qrdlCode: spring });
    const outside = await api.addQrCode(phones[1]!, "Made elsewhere");
    await api.patchNumber(phones[0]!, { EncryptionPublicKeyStatus: "MISMATCH" });
    await client.modifyProfile({ phoneNumber: phones[2]!, about: "Changed in another tool" });
    await setHealth(phones[2]!, "LIMITED");
    await observeSpaceDetails(database.db, f.spaceId);
    await observeSpaceDetails(database.db, f.spaceId);
    const got = (await events()).map(shape);
    expect(got).toEqual(
      expect.arrayContaining([
        [phones[0], "keyStatus", "VALID", "MISMATCH", "cams"],
        [phones[0], "qrCode", `${spring}: Spring sale`, null, "outside"],
        [phones[1], "qrCode", null, `${outside.qrdlCode}: Made elsewhere`, "outside"],
        [phones[2], "profileAbout", DEFAULT_ABOUT, "Changed in another tool", "outside"],
        [phones[2], "health", "AVAILABLE", "LIMITED", "cams"],
      ]),
    );
    expect(got).toHaveLength(5);
    expect(await alerts()).toEqual([
      { kind: "keyMissingOrMismatch", state: "alert", phoneNumber: phones[0], oldValue: "VALID", newValue: "MISMATCH" },
      { kind: "qrRemovedOutside", state: "alert", phoneNumber: phones[0], oldValue: `${spring}: Spring sale`, newValue: null },
      { kind: "healthDegraded", state: "alert", phoneNumber: phones[2], oldValue: "AVAILABLE", newValue: "LIMITED" },
    ]);
  });

  it("the key valid again is a recovery, once", async () => {
    await api.patchNumber(phones[0]!, { EncryptionPublicKeyStatus: "VALID" });
    await observeNumberDetails(database.db, f.spaceId, phones[0]!);
    await observeNumberDetails(database.db, f.spaceId, phones[0]!);
    expect((await alerts()).map((a) => [a.kind, a.state])).toEqual([
      ["keyMissingOrMismatch", "alert"],
      ["qrRemovedOutside", "alert"],
      ["healthDegraded", "alert"],
      ["keyMissingOrMismatch", "recovery"],
    ]);
  });

  it("a key upload, QR create and delete and a profile save here are the console's, with the person; no drift alert", async () => {
    await database.db.delete(numberEvents);
    await database.db.delete(notifications);
    session.user = f.operator;
    const k = await updateEncryptionKeyAction({ spaceId: f.spaceId, phoneNumber: phones[1]!, publicKey: pem(), origin: "pasted" });
    expect(k.serverError).toBeUndefined();
    const c = await createQrCodeAction({ spaceId: f.spaceId, phoneNumber: phones[1]!, prefilledMessage: "Made here", generateQrImage: "PNG" });
    expect(c.serverError).toBeUndefined();
    const code = c.data!.code!.qrdlCode;
    expect((await deleteQrCodeAction({ spaceId: f.spaceId, phoneNumber: phones[1]!, qrdlCode: code })).serverError).toBeUndefined();
    const p = await updateProfileAction({ spaceId: f.spaceId, phoneNumber: phones[1]!, ...profile({ about: "Saved here", profilePictureUrl: "" }), vertical: "RETAIL" });
    expect(p.serverError).toBeUndefined();
    const got = await events();
    expect(got.map((e) => [e.field, e.oldValue, e.newValue, e.source, e.via])).toEqual(
      expect.arrayContaining([
        ["keyFingerprint", null, k.data!.newFingerprint, "console", "readback"],
        ["keyStatus", "missing", "VALID", "console", "readback"],
        ["qrCode", null, `${code}: Made here`, "console", "readback"],
        ["qrCode", `${code}: Made here`, null, "console", "readback"],
        ["profileAbout", DEFAULT_ABOUT, "Saved here", "console", "readback"],
        ["profileAddress", null, "1 Harbour Road", "console", "readback"],
      ]),
    );
    expect(got.every((e) => e.source === "console" && e.actorEmail === f.operator.email && e.phoneNumber === phones[1])).toBe(true);
    expect(new Set(got.map((e) => e.operation))).toEqual(new Set(["encryptionKeys.update", "qrCodes.create", "qrCodes.delete", "profile.update"]));
    // The key valid after the upload recovers nothing that was raised; nothing here is drift.
    const raised = await database.db.select({ kind: notifications.kind, state: notifications.state }).from(notifications).where(eq(notifications.spaceId, f.spaceId));
    expect(raised).toEqual([{ kind: "keyMissingOrMismatch", state: "recovery" }]);
    // The sweep after them sees the same state: nothing more.
    const count = got.length;
    await observeSpaceDetails(database.db, f.spaceId);
    expect(await events()).toHaveLength(count);
  });

  it("a bulk key change already audited and seen by the sweep is the console's", async () => {
    await database.db.delete(numberEvents);
    const { client } = await camsForSpace(database.db, f.spaceId);
    await client.updateEncryptionPublicKey({ phoneNumber: phones[2]!, encryptionPublicKey: pem() });
    await recordAudit({ actor: { id: f.admin.id, email: f.admin.email }, spaceId: f.spaceId, operation: "bulk.encryptionKey", target: phones[2]!, input: {}, outcome: "ok" });
    await observeSpaceDetails(database.db, f.spaceId);
    const got = await events();
    expect(got.map((e) => [e.phoneNumber, e.field, e.source, e.operation])).toEqual([
      [phones[2], "keyFingerprint", "console", "bulk.encryptionKey"],
      [phones[2], "keyStatus", "console", "bulk.encryptionKey"],
    ]);
    expect(got[0]!.auditEventId).toBeGreaterThan(0);
  });

  it("a read that began before a stored read-back is dropped: no reversal in the history", async () => {
    await database.db.delete(numberEvents);
    const before = new Date(Date.now() - 60_000);
    await putKeyTx(database.db, f.spaceId, phones[2]!, { state: "none" }, "read", before);
    expect(await events()).toEqual([]);
    await observeNumberDetails(database.db, f.spaceId, phones[2]!);
    expect(await events()).toEqual([]);
  });
});
