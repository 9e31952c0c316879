import { generateKeyPairSync } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";

// The app's own encryption key for this process: the same one the accounts below are encrypted with.
const { session, withSandboxRoles } = await import("@/server/test-support");
const { auditEvents, spaceMembers } = await import("@/server/db/schema");

const { createBulkJobAction, cancelBulkJobAction, pauseBulkJobAction, resumeBulkJobAction, retryFailedBulkJobAction } = await import(
  "@/server/actions/bulk"
);
const { getJobProgress, listJobItems } = await import("@/server/data/bulk");
const { createJobWorker } = await import("./worker");
const { claimItems } = await import("./queue");
const { effectiveRate } = await import("@/server/cams/rate-limit");
const h = await import("./test-helpers");
type ItemResult = import("@/lib/schemas/bulk").ItemResult;

/**
 * The whole job flow on the embedded default (PGlite, one process): the actions create jobs, the
 * worker runs them against a real sandbox over HTTP through the normal CAMS client.
 */
const { database, f, api } = withSandboxRoles(["pgl-a", 12], ["pgl-b", 6]);
// `concurrency: undefined` as the worker script passes an absent flag: the default must hold.
const worker = (concurrency?: number) =>
  createJobWorker({ id: `test-${crypto.randomUUID().slice(0, 4)}`, pollMs: 50, retryBaseMs: 50, leaseMs: 5_000, concurrency });

afterEach(async () => {
  await api.clearFaults();
  await api.resetCalls();
});

const phonesOf = async (cust: string) => (await api.numbers(cust)).map((n) => n.phoneNumber).sort();
const webhookInput = (spaceId: string, phoneNumbers: string[], url: string) => ({
  kind: "webhook" as const,
  targets: [{ spaceId, phoneNumbers }],
  statusCallbackUrl: url,
  upCallbackUrl: "",
  httpFlag: "Y" as const,
  queueFlag: "N" as const,
  publicKey: "",
  origin: "pasted" as const,
});

const runUntilSettled = (jobId: string, timeoutMs = 20_000) => h.runJobToEnd(database.db, jobId, worker(), timeoutMs);

describe("bulk jobs on PGlite", () => {
  it("an operator's webhook job changes every number of their space once, audited with request ids", async () => {
    session.user = f.operator;
    const phones = await phonesOf("pgl-a");
    const url = "https://hooks.example.com/pglite-1";
    const created = await createBulkJobAction(webhookInput(f.spaceId, phones, url));
    expect(created.serverError).toBeUndefined();
    const { jobId, total } = created.data!;
    expect(total).toBe(12);

    const job = await runUntilSettled(jobId);
    expect(job).toMatchObject({ status: "done", okCount: 12, failedCount: 0, cancelledCount: 0, total: 12 });
    const items = await h.itemRows(database.db, jobId);
    expect(items.every((i) => i.status === "ok" && i.attempts === 1 && i.requestId)).toBe(true);
    expect((await api.calls()).byAction.UpdatePhoneWebhook).toBe(12);
    expect((await api.numbers("pgl-a")).map((n) => n.statusCallbackUrl)).toEqual(Array(12).fill(url));

    const audits = await database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.operation, "bulk.webhook"), eq(auditEvents.spaceId, f.spaceId)));
    expect(audits).toHaveLength(12);
    expect(audits.every((a) => a.outcome === "ok" && a.userId === f.operator.id && a.requestId)).toBe(true);
    expect(new Set(audits.map((a) => a.target))).toEqual(new Set(phones));

    // What the job page reads: visible to its creator and admins only.
    const progress = await getJobProgress(f.operator, jobId);
    expect(progress).toMatchObject({ status: "done", ok: 12, pending: 0, running: 0, spaces: 1, rate: effectiveRate("UpdatePhoneWebhook", "change") });
    expect(await getJobProgress(f.otherOperator, jobId)).toBeNull();
    expect((await getJobProgress(f.admin, jobId))?.id).toBe(jobId);
    expect((await listJobItems(f.operator, jobId, "ok", 1))?.total).toBe(12);
  });

  it("each number's result is what CAMS held when read back, not what was sent; clearing needs a confirmation", async () => {
    session.user = f.admin;
    const phones = await phonesOf("pgl-b");
    const held = async (jobId: string) => {
      const rows = await h.itemRows(database.db, jobId);
      expect(rows.every((r) => r.status === "ok")).toBe(true);
      return new Map(rows.map((r) => [r.phoneNumber, r.result as ItemResult]));
    };
    const base = { ...webhookInput(f.otherSpaceId, phones, ""), queueFlag: "Y" as const };

    // 1. Both URLs and the queue: the read-back holds them, with the queue names CAMS chose.
    const first = await createBulkJobAction({ ...base, statusCallbackUrl: "https://hooks.example.com/rb/status", upCallbackUrl: "https://hooks.example.com/rb/in" });
    await runUntilSettled(first.data!.jobId);
    const afterFirst = await held(first.data!.jobId);
    const cams = new Map((await api.numbers("pgl-b")).map((n) => [n.phoneNumber, n]));
    for (const p of phones) {
      const r = afterFirst.get(p);
      expect(r).toMatchObject({ read: "ok", held: { statusCallbackUrl: "https://hooks.example.com/rb/status", upCallbackUrl: "https://hooks.example.com/rb/in" } });
      expect(r?.read === "ok" && r.held.statusQueue).toMatch(/ChatAppStatus$/);
    }
    expect(cams.size).toBe(phones.length);

    // 2. A blank inbound URL is not sent: CAMS keeps the old one, and the result says so.
    const second = await createBulkJobAction({ ...base, statusCallbackUrl: "https://hooks.example.com/rb/status-2", upCallbackUrl: "" });
    await runUntilSettled(second.data!.jobId);
    for (const r of (await held(second.data!.jobId)).values()) {
      expect(r).toMatchObject({ read: "ok", held: { statusCallbackUrl: "https://hooks.example.com/rb/status-2", upCallbackUrl: "https://hooks.example.com/rb/in" } });
    }
    const progress = await getJobProgress(f.admin, second.data!.jobId);
    expect(progress?.heldAfter).toHaveLength(1);
    expect(progress?.heldAfter[0]?.count).toBe(phones.length);
    const page = await listJobItems(f.admin, second.data!.jobId, "all", 1);
    expect(page?.items[0]?.result).toMatchObject({ read: "ok", held: { upCallbackUrl: "https://hooks.example.com/rb/in" } });

    // 3. HTTP and queue off would clear what the numbers hold: refused until confirmed, nothing sent.
    const clearing = { ...base, statusCallbackUrl: "https://hooks.example.com/rb/sent-anyway", upCallbackUrl: "", httpFlag: "N" as const, queueFlag: "N" as const };
    const refused = await createBulkJobAction(clearing);
    expect(refused.validationErrors?.confirmClear?._errors).toEqual(["bulk.validation.confirmClear"]);
    expect((await api.calls()).byAction.UpdatePhoneWebhook ?? 0).toBe(phones.length * 2);
    const third = await createBulkJobAction({ ...clearing, confirmClear: true });
    expect(third.data?.total).toBe(phones.length);
    await runUntilSettled(third.data!.jobId);
    // The job sent a status URL, but CAMS cleared everything with HTTP off: the result holds that.
    for (const r of (await held(third.data!.jobId)).values()) {
      expect(r).toEqual({ read: "ok", held: { statusCallbackUrl: null, upCallbackUrl: null, statusQueue: null, upQueue: null } });
    }
    expect((await api.numbers("pgl-b")).every((n) => !n.statusCallbackUrl && !n.upCallbackUrl)).toBe(true);
    // Nothing left to clear: no confirmation needed any more.
    expect((await createBulkJobAction(clearing)).data?.total).toBe(phones.length);

    // 4. A read-back that fails leaves the accepted change "ok", with the read's code and request id.
    const fourth = await createBulkJobAction({ ...base, statusCallbackUrl: "https://hooks.example.com/rb/status-4" });
    await api.fault({ action: "QueryChatappPhoneNumbers", kind: "error", code: "Ram.PermissionDeny", count: -1 });
    await runUntilSettled(fourth.data!.jobId);
    for (const r of (await held(fourth.data!.jobId)).values()) {
      expect(r).toMatchObject({ read: "failed", code: "Ram.PermissionDeny" });
      expect(r.read === "failed" && r.requestId).toBeTruthy();
    }
  });

  it("refuses viewers, spaces the operator is not assigned, numbers not in the space and private keys", async () => {
    const phones = await phonesOf("pgl-a");
    session.user = f.viewer;
    expect((await createBulkJobAction(webhookInput(f.spaceId, phones, "https://x.example.com"))).serverError?.httpStatus).toBe(403);
    session.user = f.operator;
    const other = await createBulkJobAction(webhookInput(f.otherSpaceId, await phonesOf("pgl-b"), "https://x.example.com"));
    expect(other.serverError?.httpStatus).toBe(403);
    const stranger = await createBulkJobAction(webhookInput(f.spaceId, [...phones.slice(0, 2), "4915112345678"], "https://x.example.com"));
    expect((stranger.validationErrors?.targets as { _errors?: string[] } | undefined)?._errors).toEqual(["bulk.validation.notInSpace"]);
    const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const pk = await createBulkJobAction({
      ...webhookInput(f.spaceId, phones, ""),
      kind: "encryption_key",
      publicKey: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    });
    expect(pk.validationErrors?.publicKey?._errors).toEqual(["encryptionKeys.validation.privateKey"]);
    const noUrl = await createBulkJobAction(webhookInput(f.spaceId, phones, ""));
    expect(noUrl.validationErrors?.statusCallbackUrl?._errors).toEqual(["webhooks.validation.urlRequired"]);
    expect((await api.calls()).byAction.UpdatePhoneWebhook ?? 0).toBe(0);
  });

  it("an admin's key job sets the public key on every number; the audit holds its fingerprint, not the PEM", async () => {
    session.user = f.admin;
    const { publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const pem = publicKey.export({ type: "spki", format: "pem" }).toString();
    const created = await createBulkJobAction({ ...webhookInput(f.otherSpaceId, await phonesOf("pgl-b"), ""), kind: "encryption_key", publicKey: pem });
    const { jobId } = created.data!;
    const job = await runUntilSettled(jobId);
    expect(job).toMatchObject({ status: "done", okCount: 6 });
    const keys = (await api.numbers("pgl-b")).map((n) => n.key?.pem.trim());
    expect(keys).toEqual(Array(6).fill(pem.trim()));
    const audits = await database.db.select().from(auditEvents).where(eq(auditEvents.operation, "bulk.encryptionKey"));
    expect(audits).toHaveLength(6);
    expect(JSON.stringify(audits.map((a) => a.input))).not.toContain("BEGIN PUBLIC KEY");
    expect((audits[0]!.input as { newFingerprint: string }).newFingerprint).toMatch(/^([0-9a-f]{2}:){31}[0-9a-f]{2}$/);
  });

  it("retries throttling and 5xx with backoff and counts them; business errors fail with their code; 'retry failed' finishes them", async () => {
    session.user = f.operator;
    const phones = await phonesOf("pgl-a");
    // Every call answers 503 until the worker has put an item back (the client's own retries were
    // not enough); then CAMS recovers and the job finishes.
    async function throughOutage(fault: Record<string, unknown>, url: string) {
      await api.fault({ action: "UpdatePhoneWebhook", count: -1, ...fault });
      const { jobId } = (await createBulkJobAction(webhookInput(f.spaceId, phones.slice(0, 4), url))).data!;
      const w = worker();
      w.start();
      try {
        await h.waitFor("a retry", async () => (await h.jobRow(database.db, jobId)).retryCount >= 1);
        await api.clearFaults();
        return await h.waitFor("job to finish", async () => {
          const j = await h.jobRow(database.db, jobId);
          return j.finishedAt ? j : null;
        });
      } finally {
        await w.stop();
      }
    }
    let job = await throughOutage({ kind: "http", httpStatus: 503 }, "https://hooks.example.com/retry");
    expect(job).toMatchObject({ status: "done", okCount: 4, failedCount: 0 });
    job = await throughOutage({ kind: "error", httpStatus: 400, code: "System.LimitControl" }, "https://hooks.example.com/throttled");
    expect(job).toMatchObject({ status: "done", okCount: 4, failedCount: 0 });
    expect(job.throttledCount).toBeGreaterThanOrEqual(1);
    const ok = await h.itemRows(database.db, job.id);
    // The last (retryable) error is not kept on an item that then succeeded.
    expect(ok.every((i) => i.status === "ok" && i.errorCode === null)).toBe(true);

    await api.fault({ action: "UpdatePhoneWebhook", kind: "error", code: "InvalidParameter.CallbackUrl", count: 2 });
    const { jobId: third } = (await createBulkJobAction(webhookInput(f.spaceId, phones.slice(0, 5), "https://hooks.example.com/business"))).data!;
    job = await runUntilSettled(third);
    expect(job).toMatchObject({ status: "done", okCount: 3, failedCount: 2 });
    const failed = (await listJobItems(f.operator, third, "failed", 1))!.items;
    expect(failed.map((i) => [i.errorCode, !!i.requestId])).toEqual([
      ["InvalidParameter.CallbackUrl", true],
      ["InvalidParameter.CallbackUrl", true],
    ]);

    const retried = await retryFailedBulkJobAction({ jobId: third });
    expect(retried.data?.changed).toBe(2);
    job = await runUntilSettled(third);
    expect(job).toMatchObject({ status: "done", okCount: 5, failedCount: 0 });
  });

  it("pause holds the queue, resume continues, cancel stops what has not started", async () => {
    session.user = f.operator;
    const phones = await phonesOf("pgl-a");
    const { jobId } = (await createBulkJobAction(webhookInput(f.spaceId, phones, "https://hooks.example.com/pause"))).data!;
    expect((await pauseBulkJobAction({ jobId })).data?.changed).toBe(1);
    // Two items at a time, each held 200 ms by CAMS: most of the 12 have not started when the
    // cancel lands, however fast the machine (eight in flight could finish them all first).
    await api.fault({ action: "UpdatePhoneWebhook", kind: "latency", latencyMs: 200, count: -1 });
    const w = worker(2);
    w.start();
    try {
      await new Promise((r) => setTimeout(r, 600));
      expect((await api.calls()).byAction.UpdatePhoneWebhook ?? 0).toBe(0);
      expect((await h.jobRow(database.db, jobId)).status).toBe("paused");

      await resumeBulkJobAction({ jobId });
      await h.waitFor("a few numbers done", async () => (await h.jobRow(database.db, jobId)).okCount >= 3);
      await cancelBulkJobAction({ jobId });
      const job = await h.waitFor("the cancelled job to settle", async () => {
        const j = await h.jobRow(database.db, jobId);
        return j.finishedAt ? j : null;
      });
      expect(job.status).toBe("cancelled");
      expect(job.cancelledCount).toBeGreaterThan(0);
      expect(job.okCount + job.cancelledCount).toBe(12);
      // Nothing moves after the cancel settled, and CAMS saw exactly the numbers counted as done.
      await new Promise((r) => setTimeout(r, 500));
      expect((await h.jobRow(database.db, jobId)).okCount).toBe(job.okCount);
      expect((await api.calls()).byAction.UpdatePhoneWebhook).toBe(job.okCount);
    } finally {
      await api.clearFaults();
      await w.stop();
    }
  });

  it("re-checks the creator's right per number: an operator removed from the space gets nothing changed", async () => {
    session.user = f.operator;
    const { jobId } = (await createBulkJobAction(webhookInput(f.spaceId, await phonesOf("pgl-a"), "https://hooks.example.com/revoked"))).data!;
    await database.db.delete(spaceMembers).where(and(eq(spaceMembers.userId, f.operator.id), eq(spaceMembers.spaceId, f.spaceId)));
    try {
      const job = await runUntilSettled(jobId);
      expect(job).toMatchObject({ status: "done", okCount: 0, failedCount: 12 });
      expect(new Set((await h.itemRows(database.db, jobId)).map((i) => i.errorCode))).toEqual(new Set(["Bulk.Forbidden"]));
      expect((await api.calls()).byAction.UpdatePhoneWebhook ?? 0).toBe(0);
      const denied = await database.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.operation, "bulk.webhook"), eq(auditEvents.outcome, "denied")));
      expect(denied).toHaveLength(12);
    } finally {
      await database.db.insert(spaceMembers).values({ userId: f.operator.id, spaceId: f.spaceId, role: "operator" });
    }
  });

  it("a restart resumes: items a dead process left running are taken again at once, none lost", async () => {
    session.user = f.admin;
    const phones = await phonesOf("pgl-b");
    // Whatever earlier tests left on these numbers may be cleared: this test is about the restart.
    const { jobId } = (await createBulkJobAction({ ...webhookInput(f.otherSpaceId, phones, "https://hooks.example.com/restart"), confirmClear: true })).data!;
    // A previous server claimed some items and died before calling CAMS.
    expect(await claimItems(database.db, "dead-process", 4, 60_000)).toHaveLength(4);
    const job = await runUntilSettled(jobId);
    expect(job).toMatchObject({ status: "done", okCount: 6, failedCount: 0 });
    expect((await api.numbers("pgl-b")).every((n) => n.statusCallbackUrl === "https://hooks.example.com/restart")).toBe(true);
    expect((await api.calls()).byAction.UpdatePhoneWebhook).toBe(6);
  });
});
