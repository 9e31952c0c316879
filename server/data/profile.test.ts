import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => undefined, set: () => undefined }),
  headers: async () => new Headers(),
}));

const { session, withSandboxRoles } = await import("@/server/test-support");
const { testEngines } = await import("@/server/db/test-db");
const { auditEvents, inventoryHealth, inventoryProfiles, inventorySyncs } = await import("@/server/db/schema");

const h = await import("@/server/jobs/test-helpers");
const { createSweepWorker } = await import("@/server/inventory/worker");
const { observeSpace } = await import("@/server/inventory/sync");
const { camsForSpace } = await import("@/server/cams/for-space");
const { getHealth, healthBadges } = await import("./profile");
const { updateProfileAction, uploadProfilePictureAction, checkHealthAction } = await import("@/server/actions/profile");
const { png } = await import("@/server/sandbox/test-images");

/**
 * Profile and health against a real sandbox over HTTP: the details sweep stores each number's
 * health; the panel and the badges answer from the inventory; a profile save sends only what
 * changed, is audited and read back; a picture is checked before any call and uploaded with the
 * upload authorization, whose credentials reach no DTO and no audit row.
 */
describe.each(testEngines())("profile and health on %s", (engine) => {
  const cust = `pf-${engine}-${crypto.randomUUID().slice(0, 6)}`;
  const { database, f, sb, api } = withSandboxRoles([cust, 3], undefined, engine);
  let phones: string[] = [];
  const calls = async (op: string) => (await api.calls()).byAction[op] ?? 0;
  const setHealth = (phone: string, canSendMessage: string) =>
    fetch(`${sb.url}/_sandbox/numbers/${phone}/health`, { method: "PUT", body: JSON.stringify({ canSendMessage }) });

  beforeAll(async () => {
    phones = (await api.numbers(cust)).map((n) => n.phoneNumber).sort();
    await observeSpace(database.db, f.spaceId, "read");
  });

  it("the details sweep stores every number's health (one call each); the panel and badges answer without a call", async () => {
    await setHealth(phones[1]!, "LIMITED");
    await setHealth(phones[2]!, "BLOCKED");
    await api.resetCalls();
    await database.db
      .update(inventorySyncs)
      .set({ dueAt: new Date(Date.now() - 1000) })
      .where(and(eq(inventorySyncs.spaceId, f.spaceId), eq(inventorySyncs.kind, "details")));
    const w = createSweepWorker({ id: "hw", pollMs: 50, leaseMs: 5_000, heartbeatMs: 200, numbersEveryMs: 60_000, detailsEveryMs: 600_000, retryBaseMs: 60_000 });
    w.start();
    try {
      await h.waitFor("the details sweep", async () => w.stats().swept >= 1);
    } finally {
      await w.stop();
    }
    expect(await calls("GetWhatsappHealthStatus")).toBe(phones.length);
    const rows = await database.db.select().from(inventoryHealth).where(eq(inventoryHealth.spaceId, f.spaceId));
    expect(rows.map((r) => [r.phoneNumber, r.canSendMessage, r.source]).sort()).toEqual([
      [phones[0], "AVAILABLE", "sweep"],
      [phones[1], "LIMITED", "sweep"],
      [phones[2], "BLOCKED", "sweep"],
    ]);
    await api.resetCalls();
    const blocked = await getHealth(f.spaceId, phones[2]!);
    expect(blocked!.status.entities.find((e) => e.entityType === "WABA")!.errors[0]).toEqual({
      errorCode: "141006",
      errorDescription: expect.any(String),
      possibleSolution: expect.any(String),
    });
    expect(Date.parse(blocked!.checkedAt)).toBeGreaterThan(Date.now() - 60_000);
    const badges = await healthBadges([f.spaceId]);
    expect(badges.get(`${f.spaceId}\u0000${phones[1]}`)?.canSendMessage).toBe("LIMITED");
    expect(await calls("GetWhatsappHealthStatus")).toBe(0);
    // "Check now" reads live and stores it (source read); a viewer may.
    await setHealth(phones[2]!, "AVAILABLE");
    session.user = f.viewer;
    const now = await checkHealthAction({ spaceId: f.spaceId, phoneNumber: phones[2]! });
    expect(now.data?.health?.status.canSendMessage).toBe("AVAILABLE");
    const [row] = await database.db.select().from(inventoryHealth).where(and(eq(inventoryHealth.spaceId, f.spaceId), eq(inventoryHealth.phoneNumber, phones[2]!)));
    expect(row).toMatchObject({ canSendMessage: "AVAILABLE", source: "read" });
  });

  it("a save sends only the changed fields, is audited with old values, and reads back; the vertical cannot be emptied", async () => {
    session.user = f.operator;
    const { client } = await camsForSpace(database.db, f.spaceId);
    await client.modifyProfile({ phoneNumber: phones[0]!, about: "Old about", vertical: "RETAIL", websites: ["https://old.example"] });
    const base = { spaceId: f.spaceId, phoneNumber: phones[0]!, about: "Old about", address: "", description: "", email: "", vertical: "RETAIL" as const, profilePictureUrl: "" };
    const r = await updateProfileAction({ ...base, about: "New about 😀", websites: ["https://new.example", "https://second.example"] });
    expect(r.serverError).toBeUndefined();
    expect(r.data!.changed.sort()).toEqual(["about", "websites"]);
    expect(r.data!.now).toMatchObject({ about: "New about 😀", vertical: "RETAIL", websites: ["https://new.example", "https://second.example"] });
    expect((await api.numbers(cust)).find((n) => n.phoneNumber === phones[0])).toMatchObject({
      profile: expect.objectContaining({ Websites: ["https://new.example", "https://second.example"] }),
    });
    const [audit] = await database.db.select().from(auditEvents).where(eq(auditEvents.operation, "profile.update"));
    expect(audit).toMatchObject({ outcome: "ok", target: phones[0] });
    expect(audit!.input).toMatchObject({ about: "New about 😀", before: { about: "Old about", websites: ["https://old.example"] } });
    expect(audit!.input).not.toHaveProperty("address");
    // The read-back is what the inventory now holds for the number (the header search finds it).
    const [stored] = await database.db.select().from(inventoryProfiles).where(and(eq(inventoryProfiles.spaceId, f.spaceId), eq(inventoryProfiles.phoneNumber, phones[0]!)));
    expect(stored).toMatchObject({ source: "readback", profile: expect.objectContaining({ about: "New about 😀", websites: ["https://new.example", "https://second.example"] }) });

    const emptied = await updateProfileAction({ ...base, about: "New about 😀", vertical: "", websites: [] });
    expect(emptied.validationErrors?.vertical?._errors).toEqual(["profile.validation.verticalRequired"]);
    session.user = f.viewer;
    expect((await updateProfileAction({ ...base, websites: [] })).serverError).toMatchObject({ httpStatus: 403 });
  });

  it("a picture is checked before any call; a good one is uploaded and no credential reaches the result or the audit", async () => {
    session.user = f.operator;
    await api.resetCalls();
    const file = (b: Buffer, type = "image/png") => new Blob([new Uint8Array(b)], { type });
    const wide = await uploadProfilePictureAction({ spaceId: f.spaceId, phoneNumber: phones[0]!, file: file(png(300, 200)) });
    expect(wide.validationErrors?.file?._errors).toEqual(["profile.picture.issue.square"]);
    const small = await uploadProfilePictureAction({ spaceId: f.spaceId, phoneNumber: phones[0]!, file: file(png(191, 191)) });
    expect(small.validationErrors?.file?._errors).toEqual(["profile.picture.issue.small"]);
    const gif = await uploadProfilePictureAction({ spaceId: f.spaceId, phoneNumber: phones[0]!, file: file(png(200, 200), "image/gif") });
    expect(gif.validationErrors?.file?._errors).toEqual(["profile.picture.issue.type"]);
    expect(await calls("GetChatappUploadAuthorization")).toBe(0);

    const ok = await uploadProfilePictureAction({ spaceId: f.spaceId, phoneNumber: phones[0]!, file: file(png(256, 256)) });
    expect(ok.serverError).toBeUndefined();
    expect(Object.keys(ok.data!).sort()).toEqual(["bytes", "height", "url", "width"]);
    expect(ok.data!.url.startsWith(`${sb.url}/profile/${cust}/`)).toBe(true);
    expect((await fetch(ok.data!.url)).status).toBe(200);
    expect(await calls("GetChatappUploadAuthorization")).toBe(1);
    const audits = await database.db.select().from(auditEvents).where(eq(auditEvents.operation, "profile.uploadPicture"));
    // The three refusals are audited as refused, the upload as done.
    expect(audits.map((a) => a.outcome).sort()).toEqual(["denied", "denied", "denied", "ok"]);
    const text = JSON.stringify(audits) + JSON.stringify(ok);
    expect(text).not.toMatch(/STS\.|CAIS|accessKeySecret|securityToken/i);
  });
});
