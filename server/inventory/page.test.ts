import { afterAll, beforeAll, describe, expect, it } from "vitest";

const { installTestDatabase, seedRoles } = await import("@/server/test-support");
const { openTestDatabase, testEngines } = await import("@/server/db/test-db");
const { allSpacesPageSchema } = await import("@/lib/schemas/phone-numbers");
const { replaceNumbers } = await import("./store");
const { pageNumbers } = await import("./page");
const { pageAllSpacesNumbers } = await import("@/server/data/phone-numbers");

type Database = import("@/server/db/connect").Database;

/**
 * The All-spaces list pages, sorts and filters in SQL over inventory_numbers (both engines): the
 * same search rules as the browser's list (digits in any formatting; else name, space or number),
 * Status and quality filters, enum ranks for quality and tier, ties by number, a page past the end
 * answering the last page, and only the spaces asked for.
 */
describe.each(testEngines())("All-spaces page in SQL on %s", (engine) => {
  let database: Database;
  let f: Awaited<ReturnType<typeof seedRoles>>;
  const q = (o: Record<string, unknown> = {}) => allSpacesPageSchema.parse(o);
  const phones = (r: { rows: { phoneNumber: string }[] }) => r.rows.map((x) => x.phoneNumber);

  beforeAll(async () => {
    database = installTestDatabase(await openTestDatabase(engine));
    f = await seedRoles(database);
    const n = (phoneNumber: string, verifiedName: string | null, status: string, qualityRating: string | null, messagingLimitTier: string | null) => ({
      phoneNumber,
      verifiedName,
      status,
      qualityRating,
      messagingLimitTier,
      codeVerificationStatus: "VERIFIED",
      nameStatus: "APPROVED",
      newNameStatus: null,
    });
    await replaceNumbers(
      database.db,
      f.spaceId,
      [
        n("15550100001", "Acme Travel", "CONNECTED", "GREEN", "TIER_1K"),
        n("15550100002", "beta Foods", "FLAGGED", "RED", "TIER_UNLIMITED"),
        n("15550100003", null, "CONNECTED", null, null),
      ] as never,
      "sweep",
    );
    // 60 numbers in the other space: more than one page.
    await replaceNumbers(
      database.db,
      f.otherSpaceId,
      Array.from({ length: 60 }, (_, i) => n(`4477009${String(i).padStart(4, "0")}`, `Bulk ${i}`, "CONNECTED", "YELLOW", "TIER_250")) as never,
      "sweep",
    );
  });
  afterAll(async () => database?.close());

  it("counts and pages in SQL; a page past the end is the last page; only the given spaces", async () => {
    const all = [f.spaceId, f.otherSpaceId];
    const p1 = await pageNumbers(database.db, all, q(), 50);
    expect(p1).toMatchObject({ total: 63, page: 1, pages: 2 });
    expect(p1.rows.length).toBe(50);
    expect(phones(p1).slice(0, 3)).toEqual(["15550100001", "15550100002", "15550100003"]);
    const last = await pageNumbers(database.db, all, q({ page: "9" }), 50);
    expect(last).toMatchObject({ page: 2, pages: 2 });
    expect(last.rows.length).toBe(13);
    const mine = await pageNumbers(database.db, [f.spaceId], q(), 50);
    expect(mine.total).toBe(3);
    expect(mine.rows[0]).toMatchObject({ spaceId: f.spaceId, spaceName: "Space A", verifiedName: "Acme Travel", qualityRating: "GREEN" });
    expect(await pageNumbers(database.db, [], q(), 50)).toMatchObject({ total: 0, rows: [] });
  });

  it("searches digits in any formatting, else name, space or number, case-insensitively", async () => {
    const all = [f.spaceId, f.otherSpaceId];
    expect(phones(await pageNumbers(database.db, all, q({ q: "+1 (555) 010-0002" }), 50))).toEqual(["15550100002"]);
    expect(phones(await pageNumbers(database.db, all, q({ q: "BETA" }), 50))).toEqual(["15550100002"]);
    expect((await pageNumbers(database.db, all, q({ q: "space b" }), 50)).total).toBe(60);
    expect((await pageNumbers(database.db, all, q({ q: "bulk 1" }), 50)).total).toBe(11);
    expect((await pageNumbers(database.db, all, q({ q: "%" }), 50)).total).toBe(0);
  });

  it("filters by Status and quality, and sorts by enum rank, text and space, ties by number", async () => {
    const all = [f.spaceId, f.otherSpaceId];
    expect(phones(await pageNumbers(database.db, all, q({ status: "FLAGGED" }), 50))).toEqual(["15550100002"]);
    expect((await pageNumbers(database.db, all, q({ quality: "YELLOW" }), 50)).total).toBe(60);
    const tier = await pageNumbers(database.db, all, q({ sort: "tier", dir: "desc" }), 50);
    expect(phones(tier).slice(0, 2)).toEqual(["15550100002", "15550100001"]);
    expect(phones(tier).at(-1)).not.toBe("15550100003");
    const tierAsc = await pageNumbers(database.db, all, q({ sort: "tier", dir: "asc" }), 50);
    expect(phones(tierAsc)[0]).toBe("15550100003");
    const quality = await pageNumbers(database.db, all, q({ sort: "quality", dir: "desc" }), 50);
    expect(phones(quality)[0]).toBe("15550100001");
    const names = await pageNumbers(database.db, [f.spaceId], q({ sort: "name" }), 50);
    expect(phones(names)).toEqual(["15550100003", "15550100001", "15550100002"]);
    const bySpace = await pageNumbers(database.db, all, q({ sort: "space", dir: "desc" }), 50);
    expect(bySpace.rows[0]!.spaceId).toBe(f.otherSpaceId);
    // Unknown sort keys and directions fall back to the defaults, as the URL state does.
    expect(q({ sort: "drop table", dir: "sideways", page: "-1" })).toMatchObject({ sort: "number", dir: "asc", page: 1 });
  });

  it("the data function pages only the caller's readable spaces, whatever was asked", async () => {
    const op = await pageAllSpacesNumbers(f.operator, q());
    expect(op.total).toBe(3);
    expect(op.spaces).toBe(1);
    expect(op.rows.every((r) => r.spaceId === f.spaceId)).toBe(true);
    expect(op.observedAt).toBeTruthy();
    const admin = await pageAllSpacesNumbers(f.admin, q({ q: "44 7700 9000" }));
    expect(admin.total).toBe(10);
    expect(admin.failed).toEqual([]);
  });
});
