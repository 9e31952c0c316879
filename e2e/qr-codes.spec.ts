import type { Page, Request } from "@playwright/test";
import { expect, test } from "./helpers/test";
import { signIn, signInAsAdmin } from "./helpers/auth";
import { expectAccessible } from "./helpers/axe";
import { E2E } from "./helpers/env";
import {
  checkSvgInBrowser,
  decodeCanvas,
  decodePng,
  deepLinkOf,
  downloadFrom,
  ensureSandboxSpace,
  noToasts,
  sandboxSpace,
  spaceIdByCustSpaceId,
  spaceIdOf,
} from "./helpers/qr";
import { sandboxCalls } from "./helpers/sandbox";

const operator = { email: "operator@e2e.test", password: "operator-pass-1" };
const viewer = { email: "viewer@e2e.test", password: "viewer-pass-12" };
const ALPHA = "e2e-alpha";

test.describe.configure({ mode: "serial" });

// Shared between the serial tests: the number used, a code kept for the viewer, and an operator's
// delete request to replay with the viewer's session.
let phone = "";
let alphaId = "";
let keptCode = "";
let deleteRequest: Request | undefined;

const codesOf = async (p: string) => (await sandboxSpace(ALPHA)).find((n) => n.phoneNumber === p)?.qrCodes ?? [];
const unique = () => Date.now().toString(36).slice(-5).toUpperCase();

test.beforeAll(async () => {
  const numbers = await ensureSandboxSpace(ALPHA, "E2E Alpha", 3);
  const verified = numbers.filter((n) => n.codeVerificationStatus === "VERIFIED");
  expect(verified.length).toBeGreaterThan(0);
  phone = verified[verified.length - 1]!.phoneNumber;
});

async function openNumberTab(page: Page) {
  await page.goto(`/s/${alphaId}/phone-numbers/${phone}/qr-codes`);
  await expect(page.getByRole("heading", { name: "QR codes", level: 2, exact: true })).toBeVisible();
  await expect(page.getByTestId("qr-usage")).toBeVisible();
}

test("operator: create, the drawn QR decodes to the deep link, download PNG and SVG, update with confirmation, delete", async ({ page, context }) => {
  test.setTimeout(150_000);
  await signIn(page, operator.email, operator.password);
  await page.waitForURL(/\/s\/[^/]+\//);
  alphaId = spaceIdOf(page);
  await openNumberTab(page);

  const dialog = page.getByRole("dialog", { name: "New message QR code" });
  const message = dialog.getByLabel("Prefilled message");
  const counter = dialog.getByTestId("message-counter");

  await test.step("141 characters are refused with a field message, and nothing is sent", async () => {
    const before = (await sandboxCalls(ALPHA)).byAction.CreatePhoneMessageQrdl ?? 0;
    await page.getByRole("button", { name: "New QR code" }).click();
    await message.fill("a".repeat(141));
    await expect(counter).toHaveText("141 / 140");
    await dialog.getByRole("button", { name: "Create QR code" }).click();
    await expect(dialog.getByText("Use at most 140 characters.")).toBeVisible();
    await expect(message).toHaveValue("a".repeat(141));
    // Chinese counts one per character: 141 of them are refused too.
    await message.fill("你好".repeat(70) + "吗");
    await expect(counter).toHaveText("141 / 140");
    await dialog.getByRole("button", { name: "Create QR code" }).click();
    await expect(dialog.getByText("Use at most 140 characters.")).toBeVisible();
    // 140 emoji are 280 UTF-16 units but 140 characters: accepted by the form.
    await message.fill("😀".repeat(140));
    await expect(counter).toHaveText("140 / 140");
    await expect(dialog.getByText("Use at most 140 characters.")).toBeHidden();
    expect((await sandboxCalls(ALPHA)).byAction.CreatePhoneMessageQrdl ?? 0).toBe(before);
    await expectAccessible(page, "create dialog");
  });

  // Exactly 140 characters of Latin, Chinese and emoji: accepted by the form and by CAMS alike.
  const prefix = `Hi 你好 ${unique()} `;
  const created = prefix + "😀".repeat(140 - Array.from(prefix).length);
  let code = "";
  await test.step("create a code with 140 characters of mixed scripts and emoji", async () => {
    const before = new Set((await codesOf(phone)).map((c) => c.code));
    await message.fill(created);
    await expect(counter).toHaveText("140 / 140");
    await expect(dialog.getByTestId("chat-preview-message")).toHaveText(created);
    await dialog.getByLabel("SVG").check();
    await dialog.getByRole("button", { name: "Create QR code" }).click();
    await expect(dialog).toBeHidden();
    const added = (await codesOf(phone)).filter((c) => !before.has(c.code));
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({ prefilledMessage: created, generateQrImage: "SVG" });
    code = added[0]!.code;
    await expect(page.getByText(`QR code ${code} created`)).toBeVisible();
  });

  let card = page.getByTestId(`qr-card-${code}`);
  await test.step("the QR drawn on the page decodes to exactly the code's deep link", async () => {
    await expect(card).toBeVisible();
    await expect(card.getByTestId("deep-link")).toContainText(deepLinkOf(code));
    expect(await decodeCanvas(card.getByTestId("qr-canvas"))).toBe(deepLinkOf(code));
    // The sandbox's own image (a placeholder, not scannable) is shown beside it.
    await expect(card.getByTestId("cams-image")).toBeVisible();
    await expect(card.getByTestId("cams-image")).toHaveJSProperty("complete", true);
    await noToasts(page);
    await expectAccessible(page, "number QR codes tab");
  });

  await test.step("PNG downloads are the requested size and decode to the deep link", async () => {
    for (const size of [256, 1024]) {
      const { download, body } = await downloadFrom(page, card, `PNG · ${size} × ${size} px`);
      expect(download.suggestedFilename()).toBe(`whatsapp-qr-${code}-${size}px.png`);
      const png = decodePng(body);
      expect([png.width, png.height]).toEqual([size, size]);
      expect(png.text).toBe(deepLinkOf(code));
    }
  });

  await test.step("the SVG download is valid XML with an <svg> root and decodes too", async () => {
    const { download, body } = await downloadFrom(page, card, "SVG (vector, for print)");
    expect(download.suggestedFilename()).toBe(`whatsapp-qr-${code}.svg`);
    const text = body.toString("utf8");
    expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(text).toContain('xmlns="http://www.w3.org/2000/svg"');
    const svg = await checkSvgInBrowser(page, text);
    expect(svg).toMatchObject({ root: "svg", parseError: false, text: deepLinkOf(code) });
    expect(svg.shapes).toBeGreaterThan(0);
  });

  await test.step("chat preview and print view", async () => {
    await card.getByRole("button", { name: `Preview the chat of QR code ${code}` }).click();
    const preview = page.getByRole("dialog", { name: "Chat preview" });
    await expect(preview.getByTestId("chat-preview-message")).toHaveText(created);
    await page.keyboard.press("Escape");
    const [print] = await Promise.all([context.waitForEvent("page"), card.getByRole("link", { name: /Print view of QR code/ }).click()]);
    const sheet = print.getByTestId("qr-print-sheet");
    await expect(sheet).toContainText(created);
    await expect(sheet).toContainText(deepLinkOf(code));
    await expect(sheet.locator("svg path").first()).toBeAttached();
    await expectAccessible(print, "print view");
    await print.close();
  });

  const updated = `*Updated* 预订 ✈️ ${unique()}`;
  await test.step("update: the confirmation says the old code stops working", async () => {
    await card.getByRole("button", { name: `Edit QR code ${code}` }).click();
    const edit = page.getByRole("dialog", { name: `Edit QR code ${code}` });
    await expect(edit.getByText("After the update, the old QR code no longer opens the chat.")).toBeVisible();
    await edit.getByLabel("Prefilled message").fill(updated);
    // The chat preview shows WhatsApp's formatting: *Updated* in bold, without the asterisks.
    await expect(edit.getByTestId("chat-preview-message").locator("strong")).toHaveText("Updated");
    await expect(edit.getByTestId("chat-preview-message")).toHaveText(updated.replaceAll("*", ""));
    await edit.getByRole("button", { name: "Update QR code" }).click();
    const confirm = page.getByRole("alertdialog", { name: `Update QR code ${code}?` });
    await expect(confirm).toContainText("After the update, the old QR code no longer opens the chat.");
    await expect(confirm).toContainText("Printed copies");
    // Keeping the current code sends nothing and keeps what was typed.
    await confirm.getByRole("button", { name: "Keep the current code" }).click();
    expect((await codesOf(phone)).find((c) => c.code === code)?.prefilledMessage).toBe(created);
    await expect(edit.getByLabel("Prefilled message")).toHaveValue(updated);
    await edit.getByRole("button", { name: "Update QR code" }).click();
    await confirm.getByRole("button", { name: "Update, retire the old code" }).click();
    await expect(edit).toBeHidden();
    // The sandbox answers as documented: a new code replaces the old one, which is gone from CAMS.
    const now = await codesOf(phone);
    expect(now.map((c) => c.code)).not.toContain(code);
    const renewed = now.find((c) => c.prefilledMessage === updated)!;
    expect(renewed).toMatchObject({ generateQrImage: "SVG" });
    // The toast says what CAMS answered, and the page now shows the new code and link only.
    await expect(page.getByText(`New code ${renewed.code} replaces ${code}`)).toBeVisible();
    await expect(card).toHaveCount(0);
    card = page.getByTestId(`qr-card-${renewed.code}`);
    await expect(card).toContainText(updated);
    await expect(card.getByTestId("deep-link")).toContainText(deepLinkOf(renewed.code));
    expect(await decodeCanvas(card.getByTestId("qr-canvas"))).toBe(deepLinkOf(renewed.code));
    code = renewed.code;
  });

  await test.step("a second code stays for the viewer", async () => {
    const before = new Set((await codesOf(phone)).map((c) => c.code));
    await page.getByRole("button", { name: "New QR code" }).click();
    await message.fill(`Kept for the viewer ${unique()}`);
    await dialog.getByRole("button", { name: "Create QR code" }).click();
    await expect(dialog).toBeHidden();
    keptCode = (await codesOf(phone)).find((c) => !before.has(c.code))!.code;
    await expect(page.getByTestId(`qr-card-${keptCode}`)).toBeVisible();
  });

  await test.step("delete with a confirmation naming the code", async () => {
    page.on("request", (r) => {
      if (r.method() === "POST" && r.headers()["next-action"] && r.postData()?.includes(code)) deleteRequest = r;
    });
    await card.getByRole("button", { name: `Delete QR code ${code}` }).click();
    const confirm = page.getByRole("alertdialog", { name: `Delete QR code ${code}?` });
    await expect(confirm).toContainText(updated);
    await confirm.getByRole("button", { name: "Delete QR code" }).click();
    await expect(page.getByText(`QR code ${code} deleted`)).toBeVisible();
    await expect(card).toHaveCount(0);
    expect((await codesOf(phone)).map((c) => c.code)).not.toContain(code);
    expect(deleteRequest).toBeDefined();
  });
});

test("viewer: sees and downloads codes, has no change buttons, and a replayed delete is refused", async ({ page }) => {
  test.setTimeout(90_000);
  expect(keptCode).not.toBe("");
  await signIn(page, viewer.email, viewer.password);
  await openNumberTab(page);
  const card = page.getByTestId(`qr-card-${keptCode}`);
  await expect(card).toBeVisible();
  expect(await decodeCanvas(card.getByTestId("qr-canvas"))).toBe(deepLinkOf(keptCode));
  const { body } = await downloadFrom(page, card, "PNG · 512 × 512 px");
  expect(decodePng(body).text).toBe(deepLinkOf(keptCode));
  await expect(card.getByRole("link", { name: `Print view of QR code ${keptCode} (opens in a new tab)` })).toBeVisible();
  await expect(card.getByRole("button", { name: `Preview the chat of QR code ${keptCode}` })).toBeVisible();
  await expect(page.getByRole("button", { name: "New QR code" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Edit QR code/ })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Delete QR code/ })).toHaveCount(0);
  await expectAccessible(page, "number QR codes tab (viewer)");

  // The operator's delete request, pointed at the kept code and sent with the viewer's session.
  const headers = deleteRequest!.headers();
  const forged = deleteRequest!.postData()!.replace(/"qrdlCode":"[^"]+"/, `"qrdlCode":"${keptCode}"`);
  expect(forged).toContain(keptCode);
  const before = (await sandboxCalls(ALPHA)).byAction.DeletePhoneMessageQrdl ?? 0;
  const res = await page.request.post(deleteRequest!.url(), {
    headers: { "next-action": headers["next-action"]!, "content-type": headers["content-type"]!, accept: "text/x-component", origin: E2E.baseUrl },
    data: forged,
  });
  expect(await res.text()).toContain("You do not have permission to do that in this space.");
  expect((await sandboxCalls(ALPHA)).byAction.DeletePhoneMessageQrdl ?? 0).toBe(before);
  expect((await codesOf(phone)).map((c) => c.code)).toContain(keptCode);
});

test("QR codes page: every code of the space, search, per-number filter, all spaces; CAMS image fallback", async ({ page }) => {
  test.setTimeout(120_000);
  await signInAsAdmin(page);
  const retailId = await spaceIdByCustSpaceId(page, "cams-demo-retail");
  await page.goto(`/s/${retailId}/qr-codes`);
  await expect(page.getByRole("heading", { name: "QR codes", level: 1, exact: true })).toBeVisible();

  const numbers = await sandboxSpace("cams-demo-retail");
  const expected = numbers.filter((n) => n.codeVerificationStatus === "VERIFIED").flatMap((n) => n.qrCodes.map((q) => ({ ...q, phone: n.phoneNumber })));
  expect(expected.length).toBeGreaterThan(1);
  await expect(page.getByTestId("qr-count")).toHaveText(`1–${expected.length} of ${expected.length}`, { timeout: 30_000 });
  await expect(page.getByTestId("qr-progress")).toHaveCount(0);
  await expect(page.getByTestId("qr-failures")).toHaveCount(0);
  await expectAccessible(page, "QR codes page");

  await test.step("search by code", async () => {
    const target = expected[0]!;
    await page.getByLabel("Search QR codes").fill(target.code.toLowerCase());
    await expect(page.getByTestId(/^qr-row-/)).toHaveCount(1);
    await expect(page.getByTestId(`qr-row-${target.code}`)).toContainText(target.prefilledMessage);
    await page.getByLabel("Search QR codes").fill("");
  });

  await test.step("filter by number", async () => {
    const byPhone = new Map<string, typeof expected>();
    for (const e of expected) byPhone.set(e.phone, [...(byPhone.get(e.phone) ?? []), e]);
    const [p, codes] = [...byPhone.entries()].sort((a, b) => b[1].length - a[1].length)[0]!;
    await page.getByTestId("qr-number-filter").click();
    await page.getByTestId(`qr-number-option-${retailId}:${p}`).click();
    await expect(page.getByTestId(/^qr-row-/)).toHaveCount(codes.length);
    for (const c of codes) await expect(page.getByTestId(`qr-row-${c.code}`)).toBeVisible();
  });

  await test.step("details: the drawn QR decodes; a CAMS image that cannot load falls back", async () => {
    await page.route("**/_sandbox/qr/**", (route) => route.abort());
    const row = page.getByTestId(/^qr-row-/).first();
    const code = (await row.getAttribute("data-testid"))!.replace("qr-row-", "");
    await row.getByRole("button", { name: `Details of QR code ${code}` }).click();
    const details = page.getByRole("dialog");
    expect(await decodeCanvas(details.getByTestId("qr-canvas"))).toBe(deepLinkOf(code));
    await expect(details.getByTestId("cams-image-fallback")).toBeVisible();
    await expect(details.getByTestId("cams-image-fallback")).toHaveText("CAMS image unavailable");
    await page.keyboard.press("Escape");
    await page.unroute("**/_sandbox/qr/**");
  });

  await test.step("all spaces: one page from the server with a space column; search, a number from a link, paging", async () => {
    const urls: string[] = [];
    page.on("request", (r) => void urls.push(new URL(r.url()).pathname));
    await page.goto("/s/all/qr-codes");
    await expect(page.getByRole("columnheader", { name: "Space" })).toBeVisible({ timeout: 30_000 });
    const count = page.getByTestId("qr-count");
    await expect(count).toHaveText(/^1–\d+ of \d+$/);
    const total = Number((await count.textContent())!.split(" of ")[1]);
    expect(total).toBeGreaterThanOrEqual(expected.length);
    await expect(page.getByTestId(/^qr-row-/)).toHaveCount(Math.min(total, 25));
    await page.getByLabel("Search QR codes").fill(expected[0]!.code);
    await expect(page.getByTestId(/^qr-row-/)).toHaveCount(1, { timeout: 30_000 });
    await expect(page.getByTestId(`qr-row-${expected[0]!.code}`)).toContainText("Retail Demo");
    // The row says it may be changed (an admin's): its edit and delete buttons are there.
    await expect(page.getByTestId(`qr-row-${expected[0]!.code}`).getByRole("button", { name: `Edit QR code ${expected[0]!.code}` })).toBeVisible();
    await page.getByLabel("Search QR codes").fill("no code is called this");
    await expect(page.getByRole("heading", { name: "No QR code matches" })).toBeVisible();
    await page.getByRole("button", { name: "Clear filters" }).click();
    await expect(count).toHaveText(`1–${Math.min(total, 25)} of ${total}`);
    if (total > 25) {
      await page.getByRole("button", { name: "Next", exact: true }).click();
      await expect(count).toHaveText(new RegExp(`^26–\\d+ of ${total}$`));
    }
    // A number filter from a link: only that number's codes, shown as a chip that clears it.
    const p = expected[0]!.phone;
    await page.goto(`/s/all/qr-codes?number=${retailId}:${p}`);
    await expect(page.getByTestId(/^qr-row-/)).toHaveCount(expected.filter((e) => e.phone === p).length, { timeout: 30_000 });
    await expect(page.getByTestId("qr-number-filtered")).toBeVisible();
    // No request per number from the browser: the page is one read of the inventory.
    expect(urls.filter((u) => /^\/api\/spaces\/[^/]+\/qr-codes\//.test(u))).toEqual([]);
    expect(urls.filter((u) => u === "/api/qr-codes/all/page").length).toBeGreaterThan(0);
  });
});
