import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";

const { session, withSandboxRoles } = await import("@/server/test-support");
const { auditEvents } = await import("@/server/db/schema");

const { createBulkJobAction } = await import("@/server/actions/bulk");
const { getJobProgress } = await import("@/server/data/bulk");
const { createJobWorker } = await import("./worker");
const h = await import("./test-helpers");

/**
 * A bulk automation change over two spaces: every number gets exactly the welcome switch, ice
 * breakers and commands asked for, through the same worker, pacing and audit as other kinds.
 */
const { database, f, sb, api } = withSandboxRoles(["auto-a", 3], ["auto-b", 2]);


const phonesOf = async (cust: string) => (await api.numbers(cust)).map((n) => n.phoneNumber).sort();
const heldBy = async (phone: string) => (await fetch(`${sb.url}/_sandbox/numbers/${phone}/automation`)).json();

describe("bulk automation", () => {
  it("sets the same settings on every number of two spaces, audited per number", async () => {
    session.user = f.admin;
    const [a, b] = [await phonesOf("auto-a"), await phonesOf("auto-b")];
    const settings = {
      enableWelcomeMessage: true,
      prompts: [{ text: "Where is my order?" }, { text: "营业时间" }],
      commands: [{ name: "help", description: "What I can do" }],
    };
    const created = await createBulkJobAction(
      h.jobInput(
        "automation",
        [
          { spaceId: f.spaceId, phoneNumbers: a },
          { spaceId: f.otherSpaceId, phoneNumbers: b },
        ],
        settings,
      ),
    );
    expect(created.serverError).toBeUndefined();
    expect(created.validationErrors).toBeUndefined();
    const { jobId, total } = created.data!;
    expect(total).toBe(5);

    await h.runJobToEnd(database.db, jobId, createJobWorker({ id: "auto-test", pollMs: 50, retryBaseMs: 50, leaseMs: 5_000, concurrency: undefined }));
    expect(await h.jobRow(database.db, jobId)).toMatchObject({ status: "done", okCount: 5, failedCount: 0 });
    for (const p of [...a, ...b]) {
      expect(await heldBy(p)).toEqual({
        enableWelcomeMessage: true,
        prompts: ["Where is my order?", "营业时间"],
        commands: [{ CommandName: "help", CommandDescription: "What I can do" }],
      });
    }
    expect((await api.calls()).byAction.UpdateConversationalAutomation).toBe(5);
    const audits = await database.db.select().from(auditEvents).where(and(eq(auditEvents.operation, "bulk.automation")));
    expect(audits).toHaveLength(5);
    expect(audits.every((x) => x.outcome === "ok" && x.requestId)).toBe(true);
    expect((await getJobProgress(f.admin, jobId))?.change).toEqual({
      kind: "automation",
      enableWelcomeMessage: true,
      prompts: ["Where is my order?", "营业时间"],
      commands: [{ name: "help", description: "What I can do" }],
    });
  });

  it("refuses an emoji in an ice breaker, field by field, before any job exists", async () => {
    session.user = f.admin;
    const r = await createBulkJobAction(
      h.jobInput("automation", [{ spaceId: f.spaceId, phoneNumbers: await phonesOf("auto-a") }], { enableWelcomeMessage: false, prompts: [{ text: "Hi 😀" }], commands: [] }),
    );
    expect(r.data).toBeUndefined();
    expect(JSON.stringify(r.validationErrors)).toContain("automation.validation.emoji");
  });
});
