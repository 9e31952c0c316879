import { describe, expect, it, beforeAll } from "vitest";

const { withRoles } = await import("@/server/test-support");
const { testEngines } = await import("@/server/db/test-db");
const { replaceNumbers, replaceQrCodes } = await import("@/server/inventory/store");
const { putProfileTx } = await import("@/server/inventory/profile");
const { searchFleet } = await import("./search");

/**
 * The header search reads the inventory of the spaces the caller may read, on both engines:
 * numbers typed with any formatting, names, spaces, CustSpaceIds, QR messages, webhook URLs; a
 * member of one space never sees another's; the user's % and _ are literal.
 */
describe.each(testEngines())("header search on %s", (engine) => {
  const { database, f } = withRoles(engine);

  beforeAll(async () => {
    await replaceNumbers(database.db, f.spaceId, [
      { phoneNumber: "15550102777", verifiedName: "Acme Travel", statusCallbackUrl: "https://hooks.acme.example/status", upCallbackUrl: null },
      { phoneNumber: "8613800001111", verifiedName: "100%_Real", statusCallbackUrl: null, upCallbackUrl: "https://up.acme.example/in" },
    ] as never, "sweep");
    await replaceNumbers(database.db, f.otherSpaceId, [{ phoneNumber: "15550102888", verifiedName: "Bravo Shop", statusCallbackUrl: null, upCallbackUrl: null }] as never, "sweep");
    await replaceQrCodes(database.db, f.spaceId, "15550102777", [{ qrdlCode: "QRABC123", prefilledMessage: "Book a spring holiday", phoneNumber: "15550102777" }] as never, "sweep");
    const profile = { about: "Tours and tickets", address: "1 Harbour Road", description: "", email: "help@acme-travel.example", vertical: "TRAVEL", websites: ["https://acme-travel.example/tours"], profilePictureUrl: "" };
    await putProfileTx(database.db, f.spaceId, "15550102777", profile, "sweep");
    await putProfileTx(database.db, f.otherSpaceId, "15550102888", { ...profile, about: "Harbour bikes", email: "bikes@bravo.example", websites: [] }, "sweep");
  });

  const phones = (r: Awaited<ReturnType<typeof searchFleet>>, kind = "number") => r.hits.filter((h) => h.kind === kind).map((h) => h.phoneNumber);

  it("finds a number by a partial entry in any formatting, across the admin's spaces", async () => {
    expect(phones(await searchFleet(f.admin, "+1 (555) 010-2")).sort()).toEqual(["15550102777", "15550102888"]);
    const one = await searchFleet(f.admin, "555-0102 777");
    expect(phones(one)).toEqual(["15550102777"]);
    expect(one.hits[0]).toMatchObject({ spaceId: f.spaceId, spaceName: "Space A", href: `/s/${f.spaceId}/phone-numbers/15550102777` });
  });

  it("finds display names, spaces, CustSpaceIds, QR messages and webhook URLs", async () => {
    expect(phones(await searchFleet(f.admin, "acme tra"))).toEqual(["15550102777"]);
    expect((await searchFleet(f.admin, "space b")).hits.filter((h) => h.kind === "space").map((h) => h.spaceId)).toEqual([f.otherSpaceId]);
    const cust = (await searchFleet(f.admin, "a-")).hits.filter((h) => h.kind === "space");
    expect(cust.map((h) => h.spaceId)).toContain(f.spaceId);
    const qr = (await searchFleet(f.admin, "spring holiday")).hits.filter((h) => h.kind === "qrCode");
    expect(qr).toEqual([expect.objectContaining({ phoneNumber: "15550102777", text: "Book a spring holiday", href: `/s/${f.spaceId}/phone-numbers/15550102777/qr-codes` })]);
    const hooks = (await searchFleet(f.admin, "acme.example")).hits.filter((h) => h.kind === "webhook");
    expect(hooks.map((h) => [h.phoneNumber, h.text])).toEqual([
      ["15550102777", "https://hooks.acme.example/status"],
      ["8613800001111", "https://up.acme.example/in"],
    ]);
  });

  it("finds numbers by their business profile and opens its tab, showing the line that matched", async () => {
    const hits = (await searchFleet(f.admin, "harbour")).hits.filter((h) => h.kind === "profile");
    expect(hits.map((h) => [h.phoneNumber, h.text]).sort()).toEqual([
      ["15550102777", "1 Harbour Road"],
      ["15550102888", "Harbour bikes"],
    ]);
    const mail = (await searchFleet(f.admin, "acme-travel.example")).hits.filter((h) => h.kind === "profile");
    expect(mail).toEqual([expect.objectContaining({ phoneNumber: "15550102777", text: "help@acme-travel.example", href: `/s/${f.spaceId}/phone-numbers/15550102777/profile` })]);
    expect((await searchFleet(f.otherOperator, "harbour")).hits.map((h) => h.phoneNumber)).toEqual(["15550102888"]);
  });

  it("a member sees only their spaces' matches", async () => {
    expect(phones(await searchFleet(f.operator, "5550102")).sort()).toEqual(["15550102777"]);
    expect(phones(await searchFleet(f.otherOperator, "5550102"))).toEqual(["15550102888"]);
    expect((await searchFleet(f.otherOperator, "spring")).hits).toEqual([]);
    expect((await searchFleet(f.otherOperator, "Space A")).hits).toEqual([]);
  });

  it("takes % and _ literally", async () => {
    expect(phones(await searchFleet(f.admin, "0%_r"))).toEqual(["8613800001111"]);
    expect((await searchFleet(f.admin, "%%")).hits).toEqual([]);
  });
});
