import { and, eq, gt } from "drizzle-orm";
import { APIError } from "better-auth/api";
import { returnValidationErrors } from "next-safe-action";
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { audited } from "@/server/audit";
import { auditEvents } from "@/server/db/schema";
import { session, withRoles } from "@/server/test-support";
import { ActionError } from "./errors";
import { adminActionClient, spaceWriteActionClient } from "./safe-action";
import { createSpaceAction, deleteSpaceAction } from "./spaces";
import { createUserAction, setUserDisabledAction } from "./users";

const { database, f } = withRoles();
beforeAll(() => {
  session.user = f.admin;
});

/** The audit events written since `since`, as `operation:outcome:errorCode`. */
async function eventsSince(since: number) {
  const rows = await database.db.select().from(auditEvents).where(gt(auditEvents.id, since)).orderBy(auditEvents.id);
  return rows.map((e) => `${e.operation}:${e.outcome}:${e.errorCode ?? ""}`);
}
async function lastId() {
  const rows = await database.db.select({ id: auditEvents.id }).from(auditEvents);
  return Math.max(0, ...rows.map((r) => r.id));
}

const schema = z.object({ spaceId: z.string(), n: z.number() });
// Test actions shaped like feature actions: a refusal value after a successful audited() body,
// and the auth library's errors inside and outside audited().
const refusesAfterAudited = spaceWriteActionClient
  .metadata({ name: "test.refuseAfter" })
  .inputSchema(schema)
  .action(async ({ ctx, parsedInput }) => {
    const r = await audited({ actor: ctx.user, spaceId: ctx.spaceId, operation: "test.refuseAfter", target: "t1" }, async () => (parsedInput.n > 0 ? { ok: true } : null));
    if (!r) returnValidationErrors(schema, { n: { _errors: ["too small"] } });
    return r;
  });
const authLibInside = adminActionClient.metadata({ name: "test.authInside" }).action(async ({ ctx }) =>
  audited({ actor: ctx.user, operation: "test.authInside" }, async () => {
    throw new APIError("BAD_REQUEST", { message: "Invalid password", code: "INVALID_PASSWORD" });
  }),
);
const authLibOutside = adminActionClient.metadata({ name: "test.authOutside" }).action(async () => {
  throw new APIError("UNAUTHORIZED", { message: "Invalid password", code: "INVALID_PASSWORD" });
});
const crashes = adminActionClient.metadata({ name: "test.crash" }).action(async () => {
  throw new Error("boom");
});
const refusesInBody = adminActionClient.metadata({ name: "test.refuseBody" }).action(async () => {
  throw new ActionError("notFound");
});

describe("every refusal is audited as refused, every failure as failed", () => {
  it("users.create with an e-mail that exists: refused, not ok", async () => {
    const input = { name: "Dup", email: f.operator.email, password: "0123456789ab", isAdmin: false, assignments: [] };
    const since = await lastId();
    const r = await createUserAction(input);
    expect(r.validationErrors?.email?._errors).toEqual(["validation.emailTaken"]);
    expect(await eventsSince(since)).toEqual(["users.create:denied:Validation"]);
    const [row] = await database.db.select().from(auditEvents).where(and(gt(auditEvents.id, since), eq(auditEvents.operation, "users.create")));
    expect(row!.target).toBe(f.operator.email);
    expect(JSON.stringify(row!.input)).not.toContain("0123456789ab");
  });

  it("validation in the action body, after audited() had succeeded: refused", async () => {
    const since = await lastId();
    expect((await refusesAfterAudited({ spaceId: f.spaceId, n: 0 })).validationErrors?.n?._errors).toEqual(["too small"]);
    expect((await refusesAfterAudited({ spaceId: f.spaceId, n: 1 })).data).toEqual({ ok: true });
    expect(await eventsSince(since)).toEqual(["test.refuseAfter:denied:Validation", "test.refuseAfter:ok:"]);
  });

  it("validation in the body before anything was recorded (wrong confirmation name): refused, naming the space", async () => {
    const created = await createSpaceAction({ name: "Keep", custSpaceId: "keep-1", accountId: null });
    const since = await lastId();
    const r = await deleteSpaceAction({ spaceId: created.data!.id, confirmName: "wrong" });
    expect(r.validationErrors?.confirmName).toBeDefined();
    const rows = await database.db.select().from(auditEvents).where(gt(auditEvents.id, since));
    expect(rows.map((e) => [e.operation, e.outcome, e.errorCode, e.target])).toEqual([["spaces.delete", "denied", "Validation", created.data!.id]]);
  });

  it("input that fails the schema: refused", async () => {
    const since = await lastId();
    const r = await createUserAction({ name: "", email: "x", password: "1", isAdmin: false, assignments: [] });
    expect(r.validationErrors).toBeDefined();
    expect(await eventsSince(since)).toEqual(["users.create:denied:Validation"]);
  });

  it("a unique constraint: refused", async () => {
    await createSpaceAction({ name: "U", custSpaceId: "uniq-1", accountId: null });
    const since = await lastId();
    expect((await createSpaceAction({ name: "U2", custSpaceId: "uniq-1", accountId: null })).validationErrors?.custSpaceId).toBeDefined();
    expect(await eventsSince(since)).toEqual(["spaces.create:denied:UniqueViolation"]);
  });

  it("the auth library's errors, inside or outside audited(): refused with the library's code", async () => {
    const since = await lastId();
    expect((await authLibInside()).serverError).toBeDefined();
    expect((await authLibOutside()).serverError).toBeDefined();
    expect(await eventsSince(since)).toEqual(["test.authInside:denied:INVALID_PASSWORD", "test.authOutside:denied:INVALID_PASSWORD"]);
  });

  it("a check in the body (ActionError) is refused; an unexpected error is failed; both once", async () => {
    const since = await lastId();
    expect((await setUserDisabledAction({ userId: f.admin.id, disabled: true })).serverError?.message).toMatch(/yourself/);
    expect((await refusesInBody()).serverError).toEqual({ message: "Not found.", key: "notFound" });
    expect((await crashes()).serverError?.ref).toBeDefined();
    expect(await eventsSince(since)).toEqual(["users.setDisabled:denied:Refused", "test.refuseBody:denied:Refused", "test.crash:error:Error"]);
  });

  it("a refusal by role is recorded once (by the client), not twice", async () => {
    session.user = f.viewer;
    const since = await lastId();
    expect((await refusesAfterAudited({ spaceId: f.spaceId, n: 1 })).serverError?.httpStatus).toBe(403);
    expect(await eventsSince(since)).toEqual(["test.refuseAfter:denied:Forbidden"]);
    session.user = f.admin;
  });
});
