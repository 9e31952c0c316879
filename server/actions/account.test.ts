import { and, eq, gt } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { auditEvents, session as sessionTable, user as userTable } from "@/server/db/schema";
import { getAuth } from "@/server/auth/auth";
import { checkPassword, createUserWithPassword } from "@/server/data/users";
import { session, withRoles } from "@/server/test-support";
import type { SessionUser } from "@/server/auth/session";
import { changeOwnPasswordAction } from "./account";
import { resetUserPasswordAction } from "./users";

// The auth library's sign-in sets its cookie through next/headers.
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => undefined, set: () => undefined }),
  headers: async () => new Headers(),
}));

const { database, f } = withRoles();

async function newUser(password: string): Promise<SessionUser> {
  const email = `pw-${crypto.randomUUID().slice(0, 8)}@example.com`;
  const { id } = await createUserWithPassword({ name: "Pw", email, password, isAdmin: false });
  return { id, email, name: "Pw", isAdmin: false, locale: null, lastSpaceId: null };
}
async function addSessions(userId: string, tokens: string[]) {
  await database.db.insert(sessionTable).values(tokens.map((token) => ({ id: `s-${token}`, token, userId, expiresAt: new Date(Date.now() + 3600_000) })));
}
const tokensOf = async (userId: string) => (await database.db.select().from(sessionTable).where(eq(sessionTable.userId, userId))).map((s) => s.token).sort();
const signsIn = async (email: string, password: string) =>
  getAuth()
    .api.signInEmail({ body: { email, password } })
    .then(() => true, () => false);
async function auditOf(operation: string, since: Date) {
  return database.db.select().from(auditEvents).where(and(eq(auditEvents.operation, operation), gt(auditEvents.at, since))).orderBy(auditEvents.id);
}

describe("change own password", () => {
  it("checks the current password, keeps what was typed valid, ends only the other sessions, audits without passwords", async () => {
    const since = new Date(Date.now() - 1000);
    const me = await newUser("old-password-1");
    session.user = me;
    session.token = "tok-this";
    await addSessions(me.id, ["tok-this", "tok-phone", "tok-laptop"]);

    const wrong = await changeOwnPasswordAction({ currentPassword: "nope-nope-1", newPassword: "new-password-1", confirmPassword: "new-password-1", revokeOtherSessions: true });
    expect(wrong.validationErrors?.currentPassword?._errors).toEqual(["account.currentPasswordWrong"]);
    const differ = await changeOwnPasswordAction({ currentPassword: "old-password-1", newPassword: "new-password-1", confirmPassword: "new-password-2", revokeOtherSessions: true });
    expect(differ.validationErrors?.confirmPassword?._errors).toEqual(["validation.passwordsDiffer"]);
    const short = await changeOwnPasswordAction({ currentPassword: "old-password-1", newPassword: "short", confirmPassword: "short", revokeOtherSessions: true });
    expect(short.validationErrors?.newPassword?._errors).toEqual(["validation.passwordLength"]);
    expect(await checkPassword(me.id, "old-password-1")).toBe(true);
    expect(await tokensOf(me.id)).toEqual(["tok-laptop", "tok-phone", "tok-this"]);

    const ok = await changeOwnPasswordAction({ currentPassword: "old-password-1", newPassword: "new-password-1", confirmPassword: "new-password-1", revokeOtherSessions: true });
    expect(ok.data).toEqual({ ok: true });
    expect(await checkPassword(me.id, "new-password-1")).toBe(true);
    expect(await signsIn(me.email, "new-password-1")).toBe(true);
    expect(await signsIn(me.email, "old-password-1")).toBe(false);
    // The sign-in above made one more session; the ones from before the change are gone but this one.
    expect((await tokensOf(me.id)).filter((t) => t.startsWith("tok-"))).toEqual(["tok-this"]);

    const audit = await auditOf("account.changePassword", since);
    expect(audit.map((e) => [e.outcome, e.errorCode, e.userId])).toEqual([
      ["denied", "Validation", me.id],
      ["denied", "Validation", me.id],
      ["denied", "Validation", me.id],
      ["ok", null, me.id],
    ]);
    const text = JSON.stringify(audit.map((e) => e.input));
    for (const pw of ["old-password-1", "new-password-1", "nope-nope-1"]) expect(text).not.toContain(pw);
  });

  it("without 'sign out my other sessions' every session stays", async () => {
    const me = await newUser("old-password-2");
    session.user = me;
    session.token = "keep-a";
    await addSessions(me.id, ["keep-a", "keep-b"]);
    const ok = await changeOwnPasswordAction({ currentPassword: "old-password-2", newPassword: "new-password-2", confirmPassword: "new-password-2", revokeOtherSessions: false });
    expect(ok.data).toEqual({ ok: true });
    expect(await tokensOf(me.id)).toEqual(["keep-a", "keep-b"]);
  });
});

describe("admin resets a password", () => {
  it("sets the typed password, ends every session of that user, audits without the password", async () => {
    const since = new Date(Date.now() - 1000);
    const target = await newUser("before-reset-1");
    await addSessions(target.id, ["t-1", "t-2"]);
    session.user = f.admin;
    const r = await resetUserPasswordAction({ userId: target.id, generate: false, password: "after-reset-1" });
    expect(r.data).toEqual({ generated: null });
    expect(await tokensOf(target.id)).toEqual([]);
    expect(await signsIn(target.email, "after-reset-1")).toBe(true);
    expect(await signsIn(target.email, "before-reset-1")).toBe(false);
    const [e] = await auditOf("users.resetPassword", since);
    expect(e).toMatchObject({ outcome: "ok", userId: f.admin.id, target: target.email });
    expect(JSON.stringify(e!.input)).not.toContain("after-reset-1");
  });

  it("generates a password shown once that works, and never returns one the admin typed", async () => {
    const target = await newUser("before-reset-2");
    session.user = f.admin;
    const r = await resetUserPasswordAction({ userId: target.id, generate: true });
    const generated = r.data!.generated!;
    expect(generated).toMatch(/^[A-Za-z2-9]{20}$/);
    expect(await checkPassword(target.id, generated)).toBe(true);
    const again = await resetUserPasswordAction({ userId: target.id, generate: true });
    expect(again.data!.generated).not.toBe(generated);
  });

  it("refuses non-admins, the admin's own password, short passwords and unknown users, and audits each refusal", async () => {
    const since = new Date(Date.now() - 1000);
    const target = await newUser("before-reset-3");
    session.user = f.operator;
    expect((await resetUserPasswordAction({ userId: target.id, generate: true })).serverError?.httpStatus).toBe(403);
    session.user = f.admin;
    expect((await resetUserPasswordAction({ userId: f.admin.id, generate: true })).serverError?.message).toMatch(/Change password/);
    expect((await resetUserPasswordAction({ userId: target.id, generate: false, password: "short" })).validationErrors?.password?._errors).toEqual(["validation.passwordLength"]);
    expect((await resetUserPasswordAction({ userId: "no-such-user", generate: true })).serverError?.httpStatus).toBe(404);
    expect(await checkPassword(target.id, "before-reset-3")).toBe(true);
    const refusals = (await auditOf("users.resetPassword", since)).filter((e) => e.outcome !== "ok");
    expect(refusals.map((e) => `${e.outcome}:${e.errorCode}`)).toEqual([
      "denied:Forbidden",
      "denied:Refused",
      "denied:Validation",
      "denied:Refused",
    ]);
  });
});

describe("sign-in refusals carry their own code", () => {
  it("a disabled account is refused as ACCOUNT_DISABLED (the form says so), not as a generic 403", async () => {
    const u = await newUser("disabled-pw-1");
    await database.db.update(userTable).set({ disabled: true }).where(eq(userTable.id, u.id));
    const err = await getAuth()
      .api.signInEmail({ body: { email: u.email, password: "disabled-pw-1" } })
      .then(() => null, (e: { statusCode?: number; body?: { code?: string } }) => e);
    expect(err?.statusCode).toBe(403);
    expect(err?.body?.code).toBe("ACCOUNT_DISABLED");
  });
});
