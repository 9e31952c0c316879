import { desc } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { auditEvents } from "@/server/db/schema";
import { session, withRoles } from "@/server/test-support";
import { CamsError } from "@/server/cams/errors";
import { ActionError } from "./errors";
import { adminActionClient, authActionClient, handleServerError, spaceReadActionClient, spaceWriteActionClient } from "./safe-action";

// Actions built on each client, as feature actions are.
const input = z.object({ spaceId: z.string() });
const readAction = spaceReadActionClient.metadata({ name: "test.read" }).inputSchema(input).action(async ({ ctx }) => ({ role: ctx.role }));
const writeAction = spaceWriteActionClient.metadata({ name: "test.write" }).inputSchema(input).action(async ({ ctx }) => ({ role: ctx.role }));
const adminAction = adminActionClient.metadata({ name: "test.admin" }).action(async () => ({ ok: true }));
const authAction = authActionClient.metadata({ name: "test.auth" }).action(async ({ ctx }) => ({ id: ctx.user.id }));
const failing = authActionClient.metadata({ name: "test.fail" }).action(async () => {
  throw new Error("database password=hunter2 leaked in a driver message");
});
const expected = authActionClient.metadata({ name: "test.expected" }).action(async () => {
  throw new ActionError("lastAdmin");
});

const { database, f } = withRoles();

type Who = "anonymous" | "viewer" | "otherOperator" | "operator" | "admin";
const as = (who: Who) => {
  session.user = who === "anonymous" ? null : f[who];
};

describe("action clients allow and deny by role", () => {
  const matrix: [Who, { read: boolean; write: boolean; admin: boolean; auth: boolean }][] = [
    ["anonymous", { read: false, write: false, admin: false, auth: false }],
    ["viewer", { read: true, write: false, admin: false, auth: true }],
    ["otherOperator", { read: false, write: false, admin: false, auth: true }],
    ["operator", { read: true, write: true, admin: false, auth: true }],
    ["admin", { read: true, write: true, admin: true, auth: true }],
  ];
  it.each(matrix)("%s", async (who, allowed) => {
    as(who);
    const r = await readAction({ spaceId: f.spaceId });
    const w = await writeAction({ spaceId: f.spaceId });
    const a = await adminAction();
    const u = await authAction();
    expect(!!r.data, "read").toBe(allowed.read);
    expect(!!w.data, "write").toBe(allowed.write);
    expect(!!a.data, "admin").toBe(allowed.admin);
    expect(!!u.data, "auth").toBe(allowed.auth);
    if (!allowed.write) expect(w.serverError?.message).toMatch(/not signed in|permission/);
  });

  it("refuses a forged or unknown space id, and audits the refusal", async () => {
    as("operator");
    expect((await writeAction({ spaceId: f.otherSpaceId })).serverError?.httpStatus).toBe(403);
    expect((await writeAction({ spaceId: "does-not-exist" })).serverError?.httpStatus).toBe(403);
    expect((await writeAction({} as never)).serverError?.httpStatus).toBe(403);
    const [last] = await database.db.select().from(auditEvents).orderBy(desc(auditEvents.id)).limit(1);
    expect(last).toMatchObject({ operation: "test.write", outcome: "denied", userId: f.operator.id });
  });
});

describe("error masking", () => {
  it("shows ActionError messages and hides anything else behind a reference", async () => {
    as("admin");
    // The key is what the browser renders (in the user's language); the English text is for logs.
    expect((await expected()).serverError).toEqual({ message: "At least one enabled administrator must remain.", key: "lastAdmin" });
    const masked = (await failing()).serverError!;
    expect(masked.message).not.toContain("hunter2");
    expect(masked.ref).toMatch(/^[0-9a-f]{8}$/);
  });

  it("passes a CAMS error's code and request id through", () => {
    const e = new CamsError({ message: "throttled", code: "System.LimitControl", operation: null, requestId: "RID-1", httpStatus: 400 });
    expect(handleServerError(e)).toEqual({ message: "throttled", code: "System.LimitControl", requestId: "RID-1", httpStatus: 400 });
  });

  it("recognises safe errors by class, not by name: a look-alike is masked", () => {
    const fake = Object.assign(new Error("password=hunter2"), { name: "CamsError", code: "System.LimitControl", requestId: "RID-1" });
    const named = Object.assign(new Error("password=hunter2"), { name: "ActionError", details: {} });
    for (const e of [fake, named]) {
      const shown = handleServerError(e);
      expect(shown.message).not.toContain("hunter2");
      expect(shown.code).toBeUndefined();
      expect(shown.ref).toMatch(/^[0-9a-f]{8}$/);
    }
  });

  it("carries a refusal's key and parameters; the English text is made from messages/en", () => {
    const e = new ActionError("badAnswer", { params: { status: 503 }, httpStatus: 502 });
    expect(e.message).toBe("The server answered with an error (HTTP 503).");
    expect(handleServerError(e)).toEqual({ message: e.message, key: "badAnswer", params: { status: 503 }, httpStatus: 502 });
  });
});
