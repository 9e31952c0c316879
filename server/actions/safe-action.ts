import "server-only";
import { createSafeActionClient } from "next-safe-action";
import { z } from "zod";
import type { ActionServerError } from "@/lib/action-error";
import { GENERIC_ERROR_MESSAGE } from "@/lib/action-error";
import { getLogger } from "@/server/logger";
import { canWrite, getSessionUser, roleInSpace, type SessionUser, type SpaceRole } from "@/server/auth/session";
import { ActionError, FORBIDDEN, UNAUTHORIZED } from "./errors";
import { noteActionFailure, recordAudit, withAuditScope } from "@/server/audit";

function isCamsError(e: unknown): e is { name: string; message: string; code: string; requestId?: string; httpStatus?: number } {
  return !!e && typeof e === "object" && (e as { name?: string }).name === "CamsError";
}

/** Expected errors keep their message; anything else is logged with a reference and masked. */
export function handleServerError(e: Error, utils?: { metadata?: { name?: string } }): ActionServerError {
  noteActionFailure(e);
  if (e instanceof ActionError) return { message: e.message, ...e.details };
  if (isCamsError(e)) return { message: e.message, code: e.code, requestId: e.requestId, httpStatus: e.httpStatus };
  const ref = crypto.randomUUID().slice(0, 8);
  getLogger().error({ err: { name: e?.name, message: e?.message, stack: e?.stack }, ref, action: utils?.metadata?.name }, "action failed");
  return { message: GENERIC_ERROR_MESSAGE, ref };
}

export const actionClient = createSafeActionClient({
  defineMetadataSchema: () => z.object({ name: z.string() }),
  handleServerError: (e, utils) => handleServerError(e, utils as { metadata?: { name?: string } }),
});

// What a refusal that recorded nothing itself names as its target: the input's first id-like field.
const TARGET_FIELDS = ["userId", "email", "spaceId", "custSpaceId", "accountId", "phoneNumber", "qrdlCode", "jobId"];
function targetOf(input: unknown): string | null {
  if (!input || typeof input !== "object") return null;
  for (const k of TARGET_FIELDS) {
    const v = (input as Record<string, unknown>)[k];
    if (typeof v === "string" && v) return v.slice(0, 200);
  }
  return null;
}

/**
 * Requires a signed-in, enabled user. Every run is an audit scope: whatever the action recorded is
 * written with the action's real outcome, and a refusal or failure that recorded nothing (input
 * validation, a check in the body, a unique constraint, the auth library) gets an event of its own.
 */
export const authActionClient = actionClient
  .use(async ({ next }) => {
    const user = await getSessionUser();
    if (!user) throw new ActionError(UNAUTHORIZED, { httpStatus: 401 });
    return next({ ctx: { user } });
  })
  .use(async ({ next, ctx, clientInput, metadata }) =>
    withAuditScope(
      () => next(),
      (r) => ({ ok: (r.success && r.validationErrors === undefined && r.serverError === undefined) || r.navigationKind !== undefined, validationErrors: r.validationErrors !== undefined }),
      (r) => {
        const spaceId = (r?.ctx as { spaceId?: unknown } | undefined)?.spaceId;
        return { actor: ctx.user, spaceId: typeof spaceId === "string" ? spaceId : null, operation: metadata.name, target: targetOf(clientInput), input: clientInput };
      },
    ),
  );

/** Requires an administrator; refusals are audited. */
export const adminActionClient = authActionClient.use(async ({ next, ctx, metadata }) => {
  if (!ctx.user.isAdmin) {
    await recordAudit({ actor: ctx.user, operation: metadata.name, outcome: "denied", errorCode: "Forbidden" });
    throw new ActionError("Only administrators can do that.", { httpStatus: 403 });
  }
  return next({ ctx });
});

// Space ids are UUIDs; anything else (control characters included) never reaches a query.
const spaceIdInput = z.object({ spaceId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) });

/**
 * Space-scoped actions: the input's `spaceId` (never trusted) is checked against the caller's
 * role in that space before the action body runs. `write` needs operator or admin.
 */
function spaceClient(level: "read" | "write") {
  return authActionClient.use(async ({ next, ctx, clientInput, metadata }) => {
    const parsed = spaceIdInput.safeParse(clientInput);
    const spaceId = parsed.success ? parsed.data.spaceId : null;
    const role: SpaceRole | null = spaceId ? await roleInSpace(ctx.user, spaceId) : null;
    const allowed = level === "read" ? role !== null : canWrite(role);
    if (!allowed || !spaceId) {
      await recordAudit({
        actor: ctx.user,
        spaceId: null,
        operation: metadata.name,
        target: spaceId,
        outcome: "denied",
        errorCode: "Forbidden",
      });
      throw new ActionError(FORBIDDEN, { httpStatus: 403 });
    }
    return next({ ctx: { ...ctx, spaceId, role: role! } });
  });
}

export const spaceReadActionClient = spaceClient("read");
export const spaceWriteActionClient = spaceClient("write");

export type { SessionUser };
