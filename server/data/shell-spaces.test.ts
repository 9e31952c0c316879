import { describe, expect, it, beforeAll } from "vitest";

const { withRoles } = await import("@/server/test-support");
const { testEngines } = await import("@/server/db/test-db");
const { spaces, spaceMembers } = await import("@/server/db/schema");
const { SHELL_SPACES_SHOWN } = await import("@/lib/schemas/spaces");
const { shellSpaces } = await import("./spaces");

/**
 * The header switcher's spaces: never more than SHELL_SPACES_SHOWN of them plus the remembered
 * one, the rest found by typing; only spaces the caller may read, on both engines.
 */
describe.each(testEngines())("switcher spaces on %s", (engine) => {
  const { database, f } = withRoles(engine);
  const extra = SHELL_SPACES_SHOWN + 10;

  beforeAll(async () => {
    // "Fleet 000" … "Fleet 059": with Space A and B, 62 spaces; the operator is also in Fleet 059.
    const rows = await database.db
      .insert(spaces)
      .values(Array.from({ length: extra }, (_, i) => ({ name: `Fleet ${String(i).padStart(3, "0")}`, custSpaceId: `fleet-cust-${i}` })))
      .returning();
    await database.db.insert(spaceMembers).values({ userId: f.operator.id, spaceId: rows.at(-1)!.id, role: "viewer" });
  });

  it("ships the first spaces by name, counts all, and adds the remembered one", async () => {
    const all = await shellSpaces(f.admin);
    expect(all.total).toBe(extra + 2);
    expect(all.matched).toBe(extra + 2);
    expect(all.spaces).toHaveLength(SHELL_SPACES_SHOWN);
    expect(all.spaces[0]).toMatchObject({ name: "Fleet 000", role: "admin", sandbox: false });
    const last = await database.db.query.spaces.findFirst({ where: (s, { eq }) => eq(s.name, "Space B") });
    const withLast = await shellSpaces(f.admin, { include: last!.id });
    expect(withLast.spaces).toHaveLength(SHELL_SPACES_SHOWN + 1);
    expect(withLast.spaces.at(-1)).toMatchObject({ id: last!.id, name: "Space B" });
    // Already among the first: not twice.
    expect((await shellSpaces(f.admin, { include: all.spaces[3]!.id })).spaces).toHaveLength(SHELL_SPACES_SHOWN);
  });

  it("finds the others by name or CustSpaceId, in any case", async () => {
    const found = await shellSpaces(f.admin, { q: "fleet 05" });
    expect(found.spaces.map((s) => s.name)).toEqual(Array.from({ length: 10 }, (_, i) => `Fleet 05${i}`));
    expect(found).toMatchObject({ matched: 10, total: extra + 2 });
    expect((await shellSpaces(f.admin, { q: "FLEET-CUST-7" })).spaces.map((s) => s.name)).toEqual(["Fleet 007"]);
    expect((await shellSpaces(f.admin, { q: "nothing like it" })).spaces).toEqual([]);
  });

  it("gives a member only their spaces, with their role, and nothing of another space by id", async () => {
    const mine = await shellSpaces(f.operator);
    expect(mine.spaces.map((s) => [s.name, s.role])).toEqual([
      ["Fleet 059", "viewer"],
      ["Space A", "operator"],
    ]);
    expect(mine.total).toBe(2);
    expect((await shellSpaces(f.operator, { id: f.spaceId })).spaces.map((s) => s.id)).toEqual([f.spaceId]);
    expect(await shellSpaces(f.operator, { id: f.otherSpaceId })).toMatchObject({ spaces: [], matched: 0 });
    expect((await shellSpaces(f.otherOperator, { include: f.spaceId })).spaces.map((s) => s.id)).toEqual([f.otherSpaceId]);
    expect((await shellSpaces(f.operator, { q: "space b" })).spaces).toEqual([]);
  });

  it("writable: only the spaces the caller may change (Add number on All spaces), found by typing too", async () => {
    // The operator reads Fleet 059 as a viewer: it is not offered.
    expect((await shellSpaces(f.operator, { writable: true })).spaces.map((s) => [s.name, s.role])).toEqual([["Space A", "operator"]]);
    expect(await shellSpaces(f.operator, { writable: true, q: "fleet" })).toMatchObject({ spaces: [], matched: 0, total: 1 });
    expect(await shellSpaces(f.viewer, { writable: true })).toMatchObject({ spaces: [], total: 0 });
    const admin = await shellSpaces(f.admin, { writable: true, q: "fleet 05" });
    expect(admin).toMatchObject({ matched: 10, total: extra + 2 });
  });
});
