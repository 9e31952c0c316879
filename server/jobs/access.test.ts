import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, jobItems, jobs, spaceMembers } from "@/server/db/schema";
import { session, withRoles } from "@/server/test-support";
import { jobItemsForExport, listJobItems } from "@/server/data/bulk";
import { retryFailedBulkJobAction } from "@/server/actions/bulk";
import { createJob, MAX_RETRY_ROUNDS } from "./queue";

const { database, f } = withRoles();

const params = { statusCallbackUrl: "https://hooks.example.com/x", httpFlag: "Y", queueFlag: "N" } as never;

describe("a bulk job's items follow the viewer's current access", () => {
  it("a creator who lost a space no longer sees its numbers in the list or the CSV", async () => {
    // The operator of A is also given B, creates a job over both, then loses B.
    await database.db.insert(spaceMembers).values({ userId: f.operator.id, spaceId: f.otherSpaceId, role: "operator" });
    const { id } = await createJob(database.db, {
      kind: "webhook",
      params,
      createdBy: f.operator.id,
      createdByEmail: f.operator.email,
      targets: [
        { spaceId: f.spaceId, phoneNumbers: ["8613800000001"] },
        { spaceId: f.otherSpaceId, phoneNumbers: ["8613800000002", "8613800000003"] },
      ],
    });
    const numbers = async () => ((await listJobItems(f.operator, id, "all", 1))?.items ?? []).map((i) => i.phoneNumber).sort();
    const exported = async () => ((await jobItemsForExport(f.operator, id))?.items ?? []).map((i) => i.phoneNumber).sort();
    expect(await numbers()).toEqual(["8613800000001", "8613800000002", "8613800000003"]);

    await database.db.delete(spaceMembers).where(and(eq(spaceMembers.userId, f.operator.id), eq(spaceMembers.spaceId, f.otherSpaceId)));
    expect(await numbers()).toEqual(["8613800000001"]);
    expect((await listJobItems(f.operator, id, "all", 1))?.total).toBe(1);
    expect(await exported()).toEqual(["8613800000001"]);
    // An administrator still sees every item.
    expect(((await listJobItems(f.admin, id, "all", 1))?.items ?? []).length).toBe(3);
  });
});

describe("retrying failed items", () => {
  it(`works ${MAX_RETRY_ROUNDS} times per job, then is refused (audited)`, async () => {
    session.user = f.operator;
    const { id } = await createJob(database.db, {
      kind: "webhook",
      params,
      createdBy: f.operator.id,
      createdByEmail: f.operator.email,
      targets: [{ spaceId: f.spaceId, phoneNumbers: ["8613800000009"] }],
    });
    const fail = async () => {
      await database.db.update(jobItems).set({ status: "failed", errorCode: "X", finishedAt: new Date() }).where(eq(jobItems.jobId, id));
      await database.db.update(jobs).set({ status: "done", failedCount: 1, finishedAt: new Date() }).where(eq(jobs.id, id));
    };
    for (let round = 1; round <= MAX_RETRY_ROUNDS; round++) {
      await fail();
      expect((await retryFailedBulkJobAction({ jobId: id })).data?.changed).toBe(1);
    }
    await fail();
    const refused = await retryFailedBulkJobAction({ jobId: id });
    expect(refused.serverError?.httpStatus).toBe(409);
    expect(refused.serverError?.message).toMatch(/retried 3 times/);
    const [item] = await database.db.select().from(jobItems).where(eq(jobItems.jobId, id));
    expect(item?.status).toBe("failed");
    const audit = await database.db.select().from(auditEvents).where(and(eq(auditEvents.target, id), eq(auditEvents.operation, "bulk.retryFailed"))).orderBy(auditEvents.id);
    expect(audit.map((a) => a.outcome)).toEqual(["ok", "ok", "ok", "denied"]);
  });
});
