import { generateKeyPairSync } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const { installTestDatabase, seedRoles } = await import("@/server/test-support");
const { openTestDatabase, testEngines } = await import("@/server/db/test-db");
const { spaces } = await import("@/server/db/schema");
const { allQrPageSchema, QR_PAGE_SIZE } = await import("@/lib/schemas/qr-codes");
const { KEY_PAGE_SIZE } = await import("@/lib/schemas/encryption-keys");
const { replaceNumbers } = await import("./store");
const { putKeyTx, putQrListTx } = await import("./details");
const { pageKeys, pageQrCodes, unreadQrLists } = await import("./details-page");
const { pageAllSpacesKeys } = await import("@/server/data/encryption-keys");
const { pageAllSpacesQrCodes } = await import("@/server/data/qr-codes");

type Database = import("@/server/db/connect").Database;

const pem = generateKeyPairSync("rsa", { modulusLength: 2048 }).publicKey.export({ type: "spki", format: "pem" }).toString();
const num = (phoneNumber: string, verifiedName: string | null, codeVerificationStatus = "VERIFIED") => ({
  phoneNumber,
  verifiedName,
  status: "CONNECTED",
  qualityRating: "GREEN",
  messagingLimitTier: "TIER_1K",
  codeVerificationStatus,
  nameStatus: "APPROVED",
  newNameStatus: null,
});
const code = (phone: string, qrdlCode: string, prefilledMessage: string) => ({
  phoneNumber: phone,
  qrdlCode,
  prefilledMessage,
  generateQrImage: "PNG",
  deepLinkUrl: `https://wa.me/message/${qrdlCode}`,
  qrImageUrl: `https://example.test/qr/${qrdlCode}.png`,
});

/**
 * The All-spaces key and QR pages read one page of the inventory in SQL (both engines): a total
 * order (space name, space id, number, code) so pages never overlap or skip, the page size, a page
 * past the end answering the last page, the QR search and number filter, and only the spaces the
 * caller may read, whatever is stored.
 */
describe.each(testEngines())("All-spaces key and QR pages in SQL on %s", (engine) => {
  let database: Database;
  let f: Awaited<ReturnType<typeof seedRoles>>;
  /** A second space also named "Space A" (admins only): equal names are ordered by space id. */
  let twinId = "";
  const aPhones = Array.from({ length: 40 }, (_, i) => `1555020${String(i).padStart(4, "0")}`);
  const bPhones = Array.from({ length: 30 }, (_, i) => `4477010${String(i).padStart(4, "0")}`);
  const twinPhones = ["15550990001", "15550990002"];

  beforeAll(async () => {
    database = installTestDatabase(await openTestDatabase(engine));
    const { db } = database;
    f = await seedRoles(database);
    const [twin] = await db.insert(spaces).values({ name: "Space A", custSpaceId: `t-${crypto.randomUUID().slice(0, 8)}` }).returning();
    twinId = twin!.id;
    // The last number of space A is not verified: it cannot have codes, and is not counted unread.
    await replaceNumbers(db, f.spaceId, aPhones.map((p, i) => num(p, `Alpha ${i}`, i === 39 ? "NOT_VERIFIED" : "VERIFIED")) as never, "sweep");
    await replaceNumbers(db, f.otherSpaceId, bPhones.map((p, i) => num(p, `Bravo ${i}`)) as never, "sweep");
    await replaceNumbers(db, twinId, twinPhones.map((p) => num(p, "Twin")) as never, "sweep");
    // Keys: a key for the first number of A, "none" for the second, the rest never observed.
    await putKeyTx(db, f.spaceId, aPhones[0]!, { state: "key", status: "VALID", key: { pem, keyType: "RSA", bits: 2048, fingerprint: null } }, "sweep");
    await putKeyTx(db, f.spaceId, aPhones[1]!, { state: "none" }, "sweep");
    // QR codes: two on A's first number, one on each of B's numbers; A's third number read with none.
    await putQrListTx(db, f.spaceId, aPhones[0]!, { codes: [code(aPhones[0]!, "AQ2", "Order status"), code(aPhones[0]!, "AQ1", "Hello alpha")] as never, notVerified: false }, "sweep");
    await putQrListTx(db, f.spaceId, aPhones[2]!, { codes: [], notVerified: false }, "sweep");
    for (const [i, p] of bPhones.entries()) {
      await putQrListTx(db, f.otherSpaceId, p, { codes: [code(p, `BQ${String(i).padStart(2, "0")}`, i === 7 ? "Spring SALE" : `Bravo code ${i}`)] as never, notVerified: false }, "sweep");
    }
  });
  afterAll(async () => database?.close());

  it("keys: every number once over the pages, ordered by space name, space id, number; the page size; past the end is the last page", async () => {
    const { db } = database;
    const all = [f.spaceId, f.otherSpaceId, twinId];
    const p1 = await pageKeys(db, all, 1, KEY_PAGE_SIZE);
    expect(p1).toMatchObject({ total: 72, page: 1, pages: 2 });
    expect(p1.rows.length).toBe(KEY_PAGE_SIZE);
    const p2 = await pageKeys(db, all, 2, KEY_PAGE_SIZE);
    expect(p2.rows.length).toBe(22);
    expect(await pageKeys(db, all, 99, KEY_PAGE_SIZE)).toEqual(p2);
    const seen = [...p1.rows, ...p2.rows].map((r) => `${r.spaceId}:${r.phoneNumber}`);
    expect(new Set(seen).size).toBe(72);
    const [first, second] = [f.spaceId, twinId].sort();
    const expected = [
      ...(first === f.spaceId ? aPhones : twinPhones).map((p) => `${first}:${p}`),
      ...(second === f.spaceId ? aPhones : twinPhones).map((p) => `${second}:${p}`),
      ...bPhones.map((p) => `${f.otherSpaceId}:${p}`),
    ];
    expect(seen).toEqual(expected);
    const a0 = p1.rows.find((r) => r.phoneNumber === aPhones[0])!;
    expect(a0).toMatchObject({ spaceName: "Space A", verifiedName: "Alpha 0", result: { state: "key", status: "VALID", key: { keyType: "RSA", bits: 2048 } } });
    expect(p1.rows.find((r) => r.phoneNumber === aPhones[1])!.result).toEqual({ state: "none" });
    expect(p1.rows.find((r) => r.phoneNumber === aPhones[2])!.result).toBeNull();
    expect(await pageKeys(db, [], 1, KEY_PAGE_SIZE)).toMatchObject({ total: 0, rows: [], pages: 1 });
  });

  it("QR codes: ordered by space, number and code, paged, searched and filtered by number", async () => {
    const { db } = database;
    const q = (o: Record<string, unknown> = {}) => allQrPageSchema.parse(o);
    const all = [f.spaceId, f.otherSpaceId, twinId];
    const p1 = await pageQrCodes(db, all, q(), QR_PAGE_SIZE);
    expect(p1).toMatchObject({ total: 32, page: 1, pages: 2 });
    expect(p1.rows.length).toBe(QR_PAGE_SIZE);
    expect(p1.rows.slice(0, 3).map((r) => r.record.qrdlCode)).toEqual(["AQ1", "AQ2", "BQ00"]);
    expect(p1.rows[0]).toMatchObject({ spaceId: f.spaceId, spaceName: "Space A", phoneNumber: aPhones[0], verifiedName: "Alpha 0", record: { prefilledMessage: "Hello alpha" } });
    const p2 = await pageQrCodes(db, all, q({ page: "2" }), QR_PAGE_SIZE);
    expect(p2.rows.map((r) => r.record.qrdlCode)).toEqual(bPhones.slice(23).map((_, i) => `BQ${String(23 + i).padStart(2, "0")}`));
    expect((await pageQrCodes(db, all, q({ page: "7" }), QR_PAGE_SIZE)).page).toBe(2);
    const codes = (o: Record<string, unknown>) => pageQrCodes(db, all, q(o), QR_PAGE_SIZE).then((r) => r.rows.map((x) => x.record.qrdlCode));
    // The browser's search rules: the message (any case), the code, the number in any formatting, the name, the space.
    expect(await codes({ q: "spring sale" })).toEqual(["BQ07"]);
    expect(await codes({ q: "aq2" })).toEqual(["AQ2"]);
    expect(await codes({ q: "+44 (7701) 00-029" })).toEqual(["BQ29"]);
    expect(await codes({ q: "alpha 0" })).toEqual(["AQ1", "AQ2"]);
    expect((await pageQrCodes(db, all, q({ q: "space b" }), QR_PAGE_SIZE)).total).toBe(30);
    expect(await codes({ q: "%" })).toEqual([]);
    // The number filter: "spaceId:phone" or a bare phone number.
    expect(await codes({ number: `${f.spaceId}:${aPhones[0]}` })).toEqual(["AQ1", "AQ2"]);
    expect(await codes({ number: bPhones[3] })).toEqual(["BQ03"]);
    expect(await codes({ number: `${f.otherSpaceId}:${aPhones[0]}` })).toEqual([]);
    // Never-read lists of numbers that may have codes: A's 40 minus the two read and the unverified one, and the twin's two.
    expect(await unreadQrLists(db, all)).toEqual({ numbers: 39, spaceIds: expect.arrayContaining([f.spaceId, twinId]) });
    expect((await unreadQrLists(db, [f.otherSpaceId])).numbers).toBe(0);
  });

  it("the data functions page only the caller's readable spaces", async () => {
    const keys = await pageAllSpacesKeys(f.operator, { page: 1 });
    expect(keys).toMatchObject({ total: 40, spaces: 1, failed: [] });
    expect(keys.rows.every((r) => r.spaceId === f.spaceId)).toBe(true);
    expect(keys.rows[0]).toMatchObject({ phoneNumber: aPhones[0], lastChange: null, result: { state: "key" } });
    const other = await pageAllSpacesKeys(f.otherOperator, { page: 1 });
    expect(other.total).toBe(30);
    expect(other.rows.some((r) => r.spaceId !== f.otherSpaceId)).toBe(false);

    const qr = await pageAllSpacesQrCodes(f.viewer, allQrPageSchema.parse({}));
    expect(qr).toMatchObject({ total: 2, spaces: 1, unread: 37 });
    expect(qr.rows.map((r) => [r.spaceId, r.qrdlCode, r.deepLinkUrl, r.canWrite])).toEqual([
      [f.spaceId, "AQ1", "https://wa.me/message/AQ1", false],
      [f.spaceId, "AQ2", "https://wa.me/message/AQ2", false],
    ]);
    // Each row says whether its codes may be changed (the page carries no list of writable spaces).
    expect((await pageAllSpacesQrCodes(f.operator, allQrPageSchema.parse({}))).rows.map((r) => r.canWrite)).toEqual([true, true]);
    // Searching for another space's code or filtering on its number finds nothing for them.
    expect((await pageAllSpacesQrCodes(f.viewer, allQrPageSchema.parse({ q: "spring" }))).total).toBe(0);
    expect((await pageAllSpacesQrCodes(f.viewer, allQrPageSchema.parse({ number: bPhones[7] }))).total).toBe(0);
    const admin = await pageAllSpacesQrCodes(f.admin, allQrPageSchema.parse({ q: "spring" }));
    expect(admin.rows.map((r) => [r.spaceName, r.qrdlCode, r.canWrite])).toEqual([["Space B", "BQ07", true]]);
    expect(admin.spaces).toBe(3);
  });
});
