import "server-only";
import { createSafeActionClient } from "next-safe-action";
import { z } from "zod";
import type { ActionServerError } from "@/lib/action-error";
import { canWrite, getSessionUser, roleInSpace, type SessionUser, type SpaceRole } from "@/server/auth/session";
import { toShownError } from "@/server/safe-error";
import { ActionError, FORBIDDEN, UNAUTHORIZED } from "./errors";
import { audited, noteActionFailure, recordAudit, withAuditScope } from "@/server/audit";
import type { CamsClient } from "@/server/cams/client";
import { camsForSpace } from "@/server/cams/for-space";
import { getDb } from "@/server/db";

/** Safe errors (ActionError, CamsError) as they allow; anything else is logged with a reference and masked. */
export function handleServerError(e: Error, utils?: { metadata?: { name?: string } }): ActionServerError {
  noteActionFailure(e);
  return toShownError(e, { action: utils?.metadata?.name });
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
    throw new ActionError("adminOnly", { httpStatus: 403 });
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

/**
 * A space action's CAMS change: `run` gets the client of the space the middleware checked (so
 * calls carry that space's CustSpaceId), and the attempt is audited under the action's own name.
 */
export function camsChange<T>(
  { ctx, metadata }: { ctx: { user: SessionUser; spaceId: string }; metadata: { name: string } },
  event: { target: string; input: unknown },
  run: (cams: CamsClient) => Promise<T>,
): Promise<T> {
  return audited({ actor: ctx.user, spaceId: ctx.spaceId, operation: metadata.name, ...event }, async () =>
    run((await camsForSpace(getDb(), ctx.spaceId)).client),
  );
}

export type { SessionUser };
