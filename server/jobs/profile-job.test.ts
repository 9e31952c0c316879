import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createBulkJobSchema, type CreateBulkJobInput } from "@/lib/schemas/bulk";

const { session, withSandboxRoles } = await import("@/server/test-support");
const { auditEvents } = await import("@/server/db/schema");

const { camsForSpace } = await import("@/server/cams/for-space");
const { createBulkJobAction } = await import("@/server/actions/bulk");
const { getJobProgress } = await import("@/server/data/bulk");
const { createJobWorker } = await import("./worker");
const h = await import("./test-helpers");

/**
 * A bulk business-profile change over two spaces: every number gets exactly the chosen fields,
 * through the same worker, pacing and audit as other kinds, and keeps every other field it had.
 */
const { database, f, api } = withSandboxRoles(["prof-a", 3], ["prof-b", 2]);

type Held = { About: string; Address: string; Description: string; Email: string; ProfilePictureUrl: string; Vertical: string; Websites: string[] };


const phonesOf = async (cust: string) => (await api.numbers(cust)).map((n) => n.phoneNumber).sort();
const profilesOf = async (cust: string) =>
  new Map(((await api.numbers(cust)) as unknown as { phoneNumber: string; profile: Held }[]).map((n) => [n.phoneNumber, n.profile]));

const input = (targets: CreateBulkJobInput["targets"], profile: Partial<CreateBulkJobInput>) => h.jobInput("profile", targets, profile);

describe("bulk profile", () => {
  it("sets exactly the chosen fields on every number of two spaces, leaves the others, audited per number", async () => {
    session.user = f.admin;
    const [a, b] = [await phonesOf("prof-a"), await phonesOf("prof-b")];
    // Each number gets values of its own first, so "left as it was" means something.
    for (const [spaceId, phones] of [[f.spaceId, a], [f.otherSpaceId, b]] as const) {
      const { client } = await camsForSpace(database.db, spaceId);
      for (const [i, phone] of phones.entries()) {
        await client.modifyProfile({ phoneNumber: phone, about: `About ${phone}`, address: `${i + 1} Harbour Road`, email: `n${i}@shop.example`, vertical: "RETAIL" });
      }
    }
    const before = new Map([...(await profilesOf("prof-a")), ...(await profilesOf("prof-b"))]);
    await api.resetCalls();

    const created = await createBulkJobAction(
      input(
        [
          { spaceId: f.spaceId, phoneNumbers: a },
          { spaceId: f.otherSpaceId, phoneNumbers: b },
        ],
        {
          profileChosen: ["description", "websites"],
          description: "  Official account — 官方账号.  ",
          websites: ["https://shop.example/bulk", ""],
          // Typed but not chosen: never sent.
          about: "Not sent",
          email: "not-sent@example.com",
        },
      ),
    );
    expect(created.serverError).toBeUndefined();
    expect(created.validationErrors).toBeUndefined();
    const { jobId, total } = created.data!;
    expect(total).toBe(5);

    await h.runJobToEnd(database.db, jobId, createJobWorker({ id: "profile-test", pollMs: 50, retryBaseMs: 50, leaseMs: 5_000, concurrency: undefined }));
    expect(await h.jobRow(database.db, jobId)).toMatchObject({ status: "done", okCount: 5, failedCount: 0 });

    const after = new Map([...(await profilesOf("prof-a")), ...(await profilesOf("prof-b"))]);
    expect(after.size).toBe(5);
    for (const p of [...a, ...b]) {
      expect(after.get(p)).toEqual({ ...before.get(p), Description: "Official account — 官方账号.", Websites: ["https://shop.example/bulk"] });
      expect(after.get(p)?.About).toBe(`About ${p}`);
    }
    expect((await api.calls()).byAction.ModifyPhoneBusinessProfile).toBe(5);

    const audits = await database.db.select().from(auditEvents).where(eq(auditEvents.operation, "bulk.profile"));
    expect(audits).toHaveLength(5);
    expect(audits.every((x) => x.outcome === "ok" && x.requestId)).toBe(true);
    expect(audits[0]!.input).toEqual({ jobId, description: "Official account — 官方账号.", websites: ["https://shop.example/bulk"] });
    expect((await getJobProgress(f.admin, jobId))?.change).toEqual({
      kind: "profile",
      set: { description: "Official account — 官方账号.", websites: ["https://shop.example/bulk"] },
    });
  });

  it("refuses a job with no field chosen, a too long description or an emptied category, field by field, before any job exists", async () => {
    session.user = f.admin;
    const targets = [{ spaceId: f.spaceId, phoneNumbers: await phonesOf("prof-a") }];
    await api.resetCalls();
    const none = await createBulkJobAction(input(targets, { profileChosen: [], description: "Typed, not chosen" }));
    expect(none.data).toBeUndefined();
    expect(none.validationErrors).toMatchObject({ profileChosen: { _errors: ["bulk.validation.noProfileField"] } });
    const long = await createBulkJobAction(input(targets, { profileChosen: ["description"], description: "d".repeat(513) }));
    expect(long.validationErrors).toMatchObject({ description: { _errors: ["profile.validation.tooLong"] } });
    const vertical = await createBulkJobAction(input(targets, { profileChosen: ["vertical"], vertical: "" }));
    expect(vertical.validationErrors).toMatchObject({ vertical: { _errors: ["profile.validation.verticalRequired"] } });
    expect((await api.calls()).byAction.ModifyPhoneBusinessProfile ?? 0).toBe(0);
    // Only the first test's job was created; these three were refused (and audited as refused).
    const creates = await database.db.select().from(auditEvents).where(eq(auditEvents.operation, "bulk.create"));
    expect(creates.filter((x) => x.outcome === "ok")).toHaveLength(1);
    expect(creates.filter((x) => x.outcome !== "ok")).toHaveLength(3);
  });
});

describe("createBulkJobSchema, profile kind", () => {
  const targets = [{ spaceId: "space-1", phoneNumbers: ["8613800000011"] }];
  const messages = (v: Partial<CreateBulkJobInput>) => {
    const r = createBulkJobSchema.safeParse(input(targets, v));
    return r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}:${i.message}`);
  };

  it("checks only the chosen fields, with the Profile tab's schemas", () => {
    expect(messages({ profileChosen: [] })).toEqual(["profileChosen:bulk.validation.noProfileField"]);
    // 512 code points is the limit, counted as WhatsApp counts (an emoji is one).
    expect(messages({ profileChosen: ["description"], description: "😀".repeat(512) })).toEqual([]);
    expect(messages({ profileChosen: ["description"], description: "d".repeat(513) })).toEqual(["description:profile.validation.tooLong"]);
    expect(messages({ profileChosen: ["vertical"], vertical: "" })).toEqual(["vertical:profile.validation.verticalRequired"]);
    expect(messages({ profileChosen: ["vertical"], vertical: "SHOPS" })).toEqual(["vertical:profile.validation.vertical"]);
    expect(messages({ profileChosen: ["vertical"], vertical: "RETAIL" })).toEqual([]);
    expect(messages({ profileChosen: ["about"], about: "   " })).toEqual(["about:profile.validation.aboutRequired"]);
    expect(messages({ profileChosen: ["email"], email: "nope" })).toEqual(["email:profile.validation.email"]);
    expect(messages({ profileChosen: ["websites"], websites: ["https://a.example", "https://a.example"] })).toEqual(["websites.1:profile.validation.websiteDuplicate"]);
    expect(messages({ profileChosen: ["websites"], websites: ["ftp://a.example", ""] })).toEqual(["websites.0:profile.validation.website"]);
    // Unchosen fields are not looked at, whatever they hold.
    expect(messages({ profileChosen: ["email"], email: "", about: "", description: "d".repeat(600), vertical: "", websites: ["junk"] })).toEqual([]);
  });

  it("leaves other kinds alone: a profile value left in the form does not block a webhook job", () => {
    expect(messages({ kind: "webhook", statusCallbackUrl: "https://hooks.example.com/s", profileChosen: ["description"], description: "d".repeat(600) })).toEqual([]);
  });
});
