import crypto from "node:crypto";
import type { Browser, BrowserContext, Locator, Page } from "@playwright/test";
import { expect, test } from "./helpers/test";
import { createUserViaUi, signIn, signInAsAdmin } from "./helpers/auth";
import { sandbox } from "./helpers/sandbox";
import { sandboxSpace, spaceIdOf } from "./helpers/webhooks";

/**
 * Stored XSS: markup typed into every free-text field the app stores (or gets back from CAMS) comes
 * back as literal text on every page that shows it. Each payload would set window.__xss, open a
 * dialog or trip the CSP if it were ever parsed as HTML; none may.
 */
const run = crypto.randomBytes(3).toString("hex");
const CUST = `e2e-xss-${run}`;
const P = {
  space: `<img src=x onerror="window.__xss=1"> S${run}`,
  user: `<script>window.__xss=1</script> U${run}`,
  account: `"><svg onload=window.__xss=1> A${run}`,
  // Names come from CAMS: a hostile or compromised answer is shown like any other.
  verifiedName: `"><img src=x onerror=alert(1)> N${run}`,
  qr: `<img src=x onerror="window.__xss=1"><script>alert(1)</script> Q${run}`,
  // Valid http(s) URLs (no whitespace) that still carry markup.
  statusUrl: `https://evil.example/"><svg/onload=window.__xss=1>/s${run}`,
  inboundUrl: `https://evil.example/<img/src/onerror=alert(1)>?i${run}`,
  spaceUrl: `https://evil.example/"><script>window.__xss=1</script>/a${run}`,
};
const JS_URL = `javascript:window.__xss=1//${run}`;
const USER = { name: P.user, email: `xss-${run}@e2e.test`, password: `xss-pass-${run}` };

test.describe.configure({ mode: "serial" });

let spaceId = "";
let phone = "";
let qrCode = "";

interface Watch {
  dialogs: string[];
  csp: string[];
}

/** Records dialogs (dismissed) and CSP violations, from the console and from the DOM event, in every page of the context (popups too). */
async function watch(context: BrowserContext): Promise<Watch> {
  const w: Watch = { dialogs: [], csp: [] };
  context.on("dialog", (d) => {
    w.dialogs.push(d.message());
    void d.dismiss();
  });
  // zod probes once whether `new Function` is allowed (it is not, and zod copes): that refusal of
  // eval is expected; any other violation (an inline script or handler, an image) is not.
  context.on("console", (m) => {
    if (/Content Security Policy|Refused to (execute|load)/i.test(m.text()) && !/evaluate a string as JavaScript/i.test(m.text())) w.csp.push(m.text());
  });
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      if (e.blockedURI === "eval") return;
      const w = window as unknown as { __csp?: string[] };
      (w.__csp ??= []).push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  return w;
}

/** The payloads are on screen as text, and nothing of them ran or was even parsed as markup. */
async function expectInert(page: Page, w: Watch, shown: { where: Locator; text: string }[]) {
  for (const { where, text } of shown) await expect(where.getByText(text, { exact: false }).first()).toBeVisible();
  const state = await page.evaluate(() => {
    const win = window as unknown as { __xss?: unknown; __csp?: string[] };
    return {
      xss: win.__xss ?? null,
      csp: win.__csp ?? [],
      handlers: document.querySelectorAll("[onerror], [onload]").length,
      images: document.querySelectorAll('img[src="x"]').length,
    };
  });
  expect(state, page.url()).toEqual({ xss: null, csp: [], handlers: 0, images: 0 });
  expect(w.dialogs, "no dialog opened").toEqual([]);
  expect(w.csp, "no CSP violation logged").toEqual([]);
}

async function adminPage(browser: Browser): Promise<{ page: Page; w: Watch }> {
  const context = await browser.newContext();
  const w = await watch(context);
  const page = await context.newPage();
  await signInAsAdmin(page);
  return { page, w };
}

test.beforeAll(async () => {
  await sandbox("POST", "spaces", { custSpaceId: CUST, name: "XSS", numbers: 2 });
  const s = await sandboxSpace(CUST);
  phone = s.phoneNumbers[0]!.phoneNumber;
  await sandbox("PATCH", `numbers/${phone}`, { VerifiedName: P.verifiedName });
});

test("names of a space, a user and a cloud account render as text in settings, the shell and the audit log", async ({ browser }) => {
  test.setTimeout(150_000);
  const { page, w } = await adminPage(browser);

  await test.step("store them", async () => {
    await page.goto("/settings/spaces");
    await page.getByRole("button", { name: "Add space" }).click();
    let dialog = page.getByRole("dialog");
    await dialog.getByLabel("Name").fill(P.space);
    await dialog.getByLabel("CustSpaceId").fill(CUST);
    await dialog.getByRole("button", { name: "Add space" }).click();
    await expect(dialog).toBeHidden();
    spaceId = await spaceIdOf(page, CUST);

    await createUserViaUi(page, { ...USER, spaces: { [P.space]: "operator" } });

    await page.goto("/settings/accounts");
    await page.getByRole("button", { name: "Add account" }).click();
    dialog = page.getByRole("dialog");
    await dialog.getByLabel("Name").fill(P.account);
    await dialog.getByLabel("AccessKey ID").fill(`LTAIxss${run}`);
    await dialog.getByLabel("AccessKey secret").fill(`never-used-${run}`);
    await dialog.getByLabel("Endpoint").fill("cams.evil.example");
    await dialog.getByRole("button", { name: "Add account" }).click();
    await expect(dialog).toBeHidden();
  });

  await test.step("settings lists", async () => {
    await page.goto("/settings/spaces");
    await expectInert(page, w, [{ where: page.getByTestId(`space-row-${CUST}`), text: P.space }]);
    await page.goto("/settings/users");
    await expectInert(page, w, [
      { where: page.getByTestId(`user-row-${USER.email}`), text: P.user },
      { where: page.getByTestId(`user-row-${USER.email}`), text: P.space },
    ]);
    await page.getByRole("button", { name: `Edit access: ${USER.email}` }).click();
    await expectInert(page, w, [{ where: page.getByRole("dialog"), text: P.space }]);
    await page.keyboard.press("Escape");
    await page.goto("/settings/accounts");
    await expectInert(page, w, [{ where: page.getByTestId(`account-row-${P.account}`), text: P.account }]);
    await page.getByRole("button", { name: `Edit: ${P.account}` }).click();
    await expect(page.getByRole("dialog").getByLabel("Name")).toHaveValue(P.account);
    await page.keyboard.press("Escape");
    await page.getByRole("button", { name: `Delete: ${P.account}` }).click();
    await expectInert(page, w, [{ where: page.getByRole("alertdialog").or(page.getByRole("dialog")), text: P.account }]);
    await page.keyboard.press("Escape");
  });

  await test.step("the space switcher, the number list and page, one space and all spaces", async () => {
    await page.goto(`/s/${spaceId}/phone-numbers`);
    await expectInert(page, w, [
      { where: page.getByTestId("space-switcher"), text: P.space },
      { where: page.getByTestId(`phone-row-${phone}`), text: P.verifiedName },
    ]);
    await page.getByTestId("space-switcher").click();
    await expectInert(page, w, [{ where: page.getByRole("listbox"), text: P.space }]);
    await page.keyboard.press("Escape");
    await page.goto(`/s/${spaceId}/phone-numbers/${phone}`);
    await expectInert(page, w, [{ where: page.getByRole("main"), text: P.verifiedName }]);
    await page.goto(`/s/all/phone-numbers?q=${phone}`);
    await expectInert(page, w, [{ where: page.getByTestId(`phone-row-${phone}`), text: P.verifiedName }]);
  });

  await test.step("the audit log and its detail view", async () => {
    for (const [operation, text] of [
      ["spaces.create", P.space],
      ["users.create", P.user],
      ["accounts.create", P.account],
    ] as const) {
      await page.goto(`/audit?operation=${operation}`);
      const row = page.locator(`[data-testid="audit-row"][data-operation="${operation}"]`).first();
      await row.getByRole("button", { name: /Details/ }).click();
      await expectInert(page, w, [{ where: page.getByRole("dialog"), text: JSON.stringify(text).slice(1, -1) }]);
      await page.keyboard.press("Escape");
    }
  });

  await test.step("the user's own shell shows their name", async () => {
    const ctx = await browser.newContext();
    const ow = await watch(ctx);
    const own = await ctx.newPage();
    await signIn(own, USER.email, USER.password);
    await own.getByTestId("user-menu").click();
    await expectInert(own, ow, [
      { where: own.getByRole("menu"), text: P.user },
      { where: own.getByTestId("space-switcher"), text: P.space },
    ]);
    await ctx.close();
  });
  await page.context().close();
});

test("a QR code's prefilled message renders as text in the cards, the list, the chat preview, the print view and the audit log", async ({ browser }) => {
  test.setTimeout(120_000);
  const { page, w } = await adminPage(browser);
  await page.goto(`/s/${spaceId}/phone-numbers/${phone}/qr-codes`);
  await page.getByRole("button", { name: "New QR code" }).click();
  const dialog = page.getByRole("dialog", { name: "New message QR code" });
  await dialog.getByLabel("Prefilled message").fill(P.qr);
  await expectInert(page, w, [{ where: dialog.getByTestId("chat-preview-message"), text: P.qr }]);
  await dialog.getByRole("button", { name: "Create QR code" }).click();
  await expect(dialog).toBeHidden();
  const created = (await sandboxSpace(CUST)).phoneNumbers.find((n) => n.phoneNumber === phone) as unknown as {
    qrCodes: { code: string; prefilledMessage: string }[];
  };
  expect(created.qrCodes.map((q) => q.prefilledMessage)).toEqual([P.qr]);
  qrCode = created.qrCodes[0]!.code;

  const card = page.getByTestId(`qr-card-${qrCode}`);
  await expectInert(page, w, [{ where: card, text: P.qr }]);
  await card.getByRole("button", { name: `Preview the chat of QR code ${qrCode}` }).click();
  const preview = page.getByRole("dialog", { name: "Chat preview" });
  await expectInert(page, w, [
    { where: preview.getByTestId("chat-preview-message"), text: P.qr },
    { where: preview, text: P.verifiedName },
  ]);
  await page.keyboard.press("Escape");

  const [print] = await Promise.all([page.context().waitForEvent("page"), card.getByRole("link", { name: /Print view of QR code/ }).click()]);
  await expectInert(print, w, [{ where: print.getByTestId("qr-print-sheet"), text: P.qr }]);
  await print.close();

  await page.goto(`/s/${spaceId}/qr-codes`);
  const row = page.getByTestId(`qr-row-${qrCode}`);
  await expectInert(page, w, [{ where: row, text: P.qr }]);
  await row.getByRole("button", { name: `Details of QR code ${qrCode}` }).click();
  await expectInert(page, w, [
    { where: page.getByRole("dialog"), text: P.qr },
    { where: page.getByRole("dialog"), text: P.verifiedName },
  ]);
  await page.keyboard.press("Escape");

  await page.goto("/audit?operation=qrCodes.create");
  await page.getByTestId("audit-row").first().getByRole("button", { name: /Details/ }).click();
  await expectInert(page, w, [{ where: page.getByRole("dialog"), text: JSON.stringify(P.qr).slice(1, -1) }]);
  await page.context().close();
});

test("webhook URLs: markup inside an http(s) URL renders as text; a javascript: URL is refused at the field and kept as typed", async ({ browser }) => {
  test.setTimeout(120_000);
  const { page, w } = await adminPage(browser);
  const status = page.getByLabel("Status-report callback URL");
  const inbound = page.getByLabel("Inbound-message callback URL");

  await test.step("number webhook: javascript: is refused field by field, nothing is sent", async () => {
    await page.goto(`/s/${spaceId}/phone-numbers/${phone}/webhook`);
    await status.fill(JS_URL);
    await inbound.fill(JS_URL);
    await page.getByRole("button", { name: "Save to CAMS" }).click();
    await expect(page.getByText("Only http:// and https:// addresses can receive callbacks.")).toHaveCount(2);
    await expect(status).toHaveValue(JS_URL);
    await expect(inbound).toHaveValue(JS_URL);
    await expect(status).toHaveAttribute("aria-invalid", "true");
    const held = (await sandboxSpace(CUST)).phoneNumbers.find((n) => n.phoneNumber === phone)!;
    expect([held.statusCallbackUrl, held.upCallbackUrl]).toEqual(["", ""]);
    await expectInert(page, w, []);
  });

  await test.step("number webhook: URLs carrying markup are saved and shown as text", async () => {
    await status.fill(P.statusUrl);
    await inbound.fill(P.inboundUrl);
    // With HTTP off CAMS drops the URLs.
    await page.getByRole("switch", { name: "Receive by HTTP" }).click();
    await expect(page.getByRole("switch", { name: "Receive by HTTP" })).toHaveAttribute("aria-checked", "true");
    await page.getByRole("button", { name: "Save to CAMS" }).click();
    const held = page.getByTestId("held-values");
    await expect(held).toContainText("Read back from CAMS after saving");
    await expectInert(page, w, [
      { where: held, text: P.statusUrl },
      { where: held, text: P.inboundUrl },
    ]);
    const saved = (await sandboxSpace(CUST)).phoneNumbers.find((n) => n.phoneNumber === phone)!;
    expect([saved.statusCallbackUrl, saved.upCallbackUrl]).toEqual([P.statusUrl, P.inboundUrl]);
    await page.reload();
    await expect(status).toHaveValue(P.statusUrl);
    await page.goto(`/s/${spaceId}/phone-numbers/${phone}`);
    await expectInert(page, w, [
      { where: page.getByRole("main"), text: P.statusUrl },
      { where: page.getByRole("main"), text: P.inboundUrl },
    ]);
    await page.goto(`/s/${spaceId}/webhooks`);
    const row = page.getByTestId(`webhook-row-${phone}`);
    await expectInert(page, w, [
      { where: row.getByTestId("status-url"), text: P.statusUrl },
      { where: row.getByTestId("inbound-url"), text: P.inboundUrl },
    ]);
    await page.goto("/audit?operation=webhooks.updatePhone");
    await page.getByTestId("audit-row").first().getByRole("button", { name: /Details/ }).click();
    await expectInert(page, w, [{ where: page.getByRole("dialog"), text: JSON.stringify(P.statusUrl).slice(1, -1) }]);
  });

  await test.step("space-level webhook: the same", async () => {
    await page.goto(`/s/${spaceId}/space-settings`);
    await status.fill(JS_URL);
    await page.getByRole("button", { name: "Save to CAMS" }).click();
    await expect(page.getByText("Only http:// and https:// addresses can receive callbacks.")).toBeVisible();
    await expect(status).toHaveValue(JS_URL);
    expect((await sandboxSpace(CUST)).accountWebhook).toBeNull();
    await status.fill(P.spaceUrl);
    await page.getByRole("switch", { name: "Receive by HTTP" }).click();
    await expect(page.getByRole("switch", { name: "Receive by HTTP" })).toHaveAttribute("aria-checked", "true");
    await page.getByRole("button", { name: "Save to CAMS" }).click();
    await expect(page.getByText("Saved to CAMS.")).toBeVisible();
    expect((await sandboxSpace(CUST)).accountWebhook?.statusCallbackUrl).toBe(P.spaceUrl);
    await page.reload();
    await expect(status).toHaveValue(P.spaceUrl);
    await expectInert(page, w, []);
  });
  await page.context().close();
});
