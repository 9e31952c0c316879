"use server";

import { returnValidationErrors } from "next-safe-action";
import { BV, createBulkJobSchema, jobRefSchema } from "@/lib/schemas/bulk";
import { KEY_ISSUE_MESSAGE } from "@/lib/schemas/encryption-keys";
import { audited, recordAudit } from "@/server/audit";
import { canSeeJob } from "@/server/data/bulk";
import { getDb } from "@/server/db";
import { checkTargets, paramsOf } from "@/server/jobs/create";
import { cancelJob, createJob, MAX_RETRY_ROUNDS, pauseJob, resumeJob, retryFailed } from "@/server/jobs/queue";
import { wakeJobWorker } from "@/server/jobs/worker";
import { ActionError, FORBIDDEN } from "./errors";
import { authActionClient, type SessionUser } from "./safe-action";

/**
 * Jobs span spaces, so these use the signed-in client and check each space themselves: the
 * creator must be able to change every space of the job (checked here, and again by the worker
 * for every number). Only the creator and administrators can steer a job.
 */

export const createBulkJobAction = authActionClient
  .metadata({ name: "bulk.create" })
  .inputSchema(createBulkJobSchema)
  .action(async ({ parsedInput: p, ctx }) => {
    const params = paramsOf(p);
    if (!params && p.kind === "profile") returnValidationErrors(createBulkJobSchema, { profileChosen: { _errors: [BV.noProfileField] } });
    if (!params) returnValidationErrors(createBulkJobSchema, { publicKey: { _errors: [KEY_ISSUE_MESSAGE.malformed] } });
    const webhook = p.kind === "webhook" ? { httpFlag: p.httpFlag, queueFlag: p.queueFlag, confirmed: p.confirmClear } : undefined;
    const problem = await checkTargets(ctx.user, p.targets, webhook);
    if (problem?.kind === "forbidden") {
      await recordAudit({ actor: ctx.user, operation: "bulk.create", target: problem.spaceIds.join(","), outcome: "denied", errorCode: "Forbidden" });
      throw new ActionError(FORBIDDEN, { httpStatus: 403 });
    }
    if (problem?.kind === "notInSpace") returnValidationErrors(createBulkJobSchema, { targets: { _errors: [BV.notInSpace] } });
    // The review step asks for this; a request without it (another client, a stale page) is refused here.
    if (problem?.kind === "unconfirmedClear") returnValidationErrors(createBulkJobSchema, { confirmClear: { _errors: [BV.confirmClear] } });
    const job = await createJob(getDb(), { kind: p.kind, params, createdBy: ctx.user.id, createdByEmail: ctx.user.email, targets: p.targets });
    // The audit names the change (URLs, or the key's fingerprint), never the PEM.
    const change = "fingerprint" in params ? { fingerprint: params.fingerprint, origin: params.origin } : { ...params };
    await recordAudit({
      actor: ctx.user,
      operation: "bulk.create",
      target: job.id,
      input: { kind: p.kind, spaces: p.targets.length, numbers: job.total, ...change, ...(p.kind === "webhook" ? { confirmClear: p.confirmClear } : {}) },
      outcome: "ok",
    });
    wakeJobWorker();
    return { jobId: job.id, total: job.total };
  });

async function steer(user: SessionUser, jobId: string, operation: string, fn: () => Promise<boolean | number>) {
  if (!(await canSeeJob(user, jobId))) throw new ActionError("jobNotFound", { httpStatus: 404 });
  const changed = await audited({ actor: user, operation, target: jobId }, fn, () => undefined);
  wakeJobWorker();
  return { jobId, changed: typeof changed === "number" ? changed : changed ? 1 : 0 };
}

export const pauseBulkJobAction = authActionClient
  .metadata({ name: "bulk.pause" })
  .inputSchema(jobRefSchema)
  .action(({ parsedInput: { jobId }, ctx }) => steer(ctx.user, jobId, "bulk.pause", () => pauseJob(getDb(), jobId)));

export const resumeBulkJobAction = authActionClient
  .metadata({ name: "bulk.resume" })
  .inputSchema(jobRefSchema)
  .action(({ parsedInput: { jobId }, ctx }) => steer(ctx.user, jobId, "bulk.resume", () => resumeJob(getDb(), jobId)));

export const cancelBulkJobAction = authActionClient
  .metadata({ name: "bulk.cancel" })
  .inputSchema(jobRefSchema)
  .action(({ parsedInput: { jobId }, ctx }) => steer(ctx.user, jobId, "bulk.cancel", () => cancelJob(getDb(), jobId)));

export const retryFailedBulkJobAction = authActionClient
  .metadata({ name: "bulk.retryFailed" })
  .inputSchema(jobRefSchema)
  .action(({ parsedInput: { jobId }, ctx }) =>
    steer(ctx.user, jobId, "bulk.retryFailed", async () => {
      const again = await retryFailed(getDb(), jobId);
      if (again === "limit") throw new ActionError("bulkRetryLimit", { params: { max: MAX_RETRY_ROUNDS }, httpStatus: 409 });
      return again;
    }),
  );
