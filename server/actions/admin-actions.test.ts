import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, session as sessionTable, spaceMembers, spaces, user } from "@/server/db/schema";
import { session, withRoles } from "@/server/test-support";
import { claimSetup } from "@/server/data/settings";
import { createSpaceAction, deleteSpaceAction, updateSpaceAction } from "./spaces";
import { createUserAction, setUserDisabledAction, updateUserAction } from "./users";

const { database, f } = withRoles();

describe("first-run setup", () => {
  it("can be claimed exactly once, even by concurrent callers", async () => {
    const results = await Promise.all([claimSetup(), claimSetup(), claimSetup()]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await claimSetup()).toBe(false);
  });
});

describe("spaces", () => {
  it("admin creates, renames and deletes (with the exact name); everything is audited", async () => {
    session.user = f.admin;
    const created = await createSpaceAction({ name: "New", custSpaceId: "new-1", accountId: null });
    const id = created.data!.id;
    const dup = await createSpaceAction({ name: "Dup", custSpaceId: "new-1", accountId: null });
    expect(dup.validationErrors?.custSpaceId?._errors).toEqual(["validation.custSpaceIdTaken"]);
    expect((await updateSpaceAction({ spaceId: id, name: "Renamed", custSpaceId: "new-1", accountId: null })).data).toEqual({ ok: true });
    const wrong = await deleteSpaceAction({ spaceId: id, confirmName: "New" });
    expect(wrong.validationErrors?.confirmName?._errors).toEqual(["validation.confirmName"]);
    expect((await deleteSpaceAction({ spaceId: id, confirmName: "Renamed" })).data).toEqual({ ok: true });
    expect(await database.db.select().from(spaces).where(eq(spaces.id, id))).toEqual([]);
    const ops = (await database.db.select().from(auditEvents).where(eq(auditEvents.target, "new-1")).orderBy(auditEvents.id)).map((e) => `${e.operation}:${e.outcome}`);
    // The refused duplicate is recorded too, with its outcome.
    expect(ops).toEqual(["spaces.create:ok", "spaces.create:denied", "spaces.delete:ok"]);
  });

  it("operators and viewers are refused", async () => {
    for (const who of [f.operator, f.viewer]) {
      session.user = who;
      const r = await createSpaceAction({ name: "X", custSpaceId: "x-1", accountId: null });
      expect(r.serverError?.httpStatus).toBe(403);
    }
    expect(await database.db.select().from(spaces).where(eq(spaces.custSpaceId, "x-1"))).toEqual([]);
  });
});

describe("users", () => {
  it("admin sets roles and assignments; the last admin cannot be removed", async () => {
    session.user = f.admin;
    const r = await updateUserAction({ userId: f.viewer.id, isAdmin: false, assignments: [{ spaceId: f.spaceId, role: "operator" }, { spaceId: "ghost", role: "viewer" }] });
    expect(r.data).toEqual({ ok: true });
    const rows = await database.db.select().from(spaceMembers).where(eq(spaceMembers.userId, f.viewer.id));
    expect(rows.map((m) => [m.spaceId, m.role])).toEqual([[f.spaceId, "operator"]]);
    const demote = await updateUserAction({ userId: f.admin.id, isAdmin: false, assignments: [] });
    expect(demote.serverError?.message).toMatch(/administrator must remain/);
  });

  it("disabling a user ends their sessions at once", async () => {
    session.user = f.admin;
    await database.db.insert(sessionTable).values({ id: "s1", token: "tok-1", userId: f.otherOperator.id, expiresAt: new Date(Date.now() + 3600_000) });
    expect((await setUserDisabledAction({ userId: f.otherOperator.id, disabled: true })).data).toEqual({ ok: true });
    expect(await database.db.select().from(sessionTable).where(eq(sessionTable.userId, f.otherOperator.id))).toEqual([]);
    const [u] = await database.db.select().from(user).where(eq(user.id, f.otherOperator.id));
    expect(u!.disabled).toBe(true);
    expect((await setUserDisabledAction({ userId: f.admin.id, disabled: true })).serverError?.message).toMatch(/yourself/);
  });

  it("refuses bad input with field errors and non-admins outright", async () => {
    session.user = f.admin;
    const bad = await createUserAction({ name: "", email: "x", password: "1", isAdmin: false, assignments: [] });
    expect(Object.keys(bad.validationErrors ?? {}).sort()).toEqual(["email", "name", "password"]);
    session.user = f.operator;
    const refused = await createUserAction({ name: "N", email: "n@example.com", password: "0123456789", isAdmin: true, assignments: [] });
    expect(refused.serverError?.httpStatus).toBe(403);
  });
});
