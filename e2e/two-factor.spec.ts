import crypto from "node:crypto";
import * as OTPAuth from "otpauth";
import type { Page } from "@playwright/test";
import { expect, test, hydrated, keepScreenshot } from "./helpers/test";
import { expectAccessible } from "./helpers/axe";
import { createUserViaUi, signInAsAdmin, signOut } from "./helpers/auth";
import { setUpFirstAdmin, startAppInstance } from "./helpers/app-instance";

const run = crypto.randomBytes(3).toString("hex");
// A port of this spec's own for the app it starts (the config's ports are PORT + 1010…1020).
const OWN_APP_PORT = Number(process.env.E2E_PORT ?? 3100) + 1030;

/** The authenticator app: codes from the key the setup dialog shows. */
const authenticator = (key: string) => new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(key.replace(/\s/g, "")), digits: 6, period: 30 });
/** A six-digit code that is not the current one (nor the one either side of it). */
function wrongCode(totp: OTPAuth.TOTP): string {
  const near = [-1, 0, 1].map((w) => totp.generate({ timestamp: Date.now() + w * 30_000 }));
  let c = "000000";
  for (let i = 0; near.includes(c); i++) c = String(123456 + i * 7919).padStart(6, "0").slice(-6);
  return c;
}

async function passwordStep(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/**
 * Signed in: the app's page has loaded (a full navigation after the sign-in form) and React has
 * hydrated it. A click on the server-rendered user menu before then opens nothing (seen under load).
 */
async function landed(page: Page) {
  await expect(page.getByTestId("user-menu")).toBeVisible({ timeout: 30_000 });
  await hydrated(page);
}

/** The user menu's setup dialog, start to end: returns the authenticator and the recovery codes. */
async function setUpInDialogOrPage(page: Page, scope: ReturnType<Page["locator"]> | Page, password: string) {
  await scope.getByLabel("Password").fill(`not-${password}`);
  await scope.getByRole("button", { name: "Continue" }).click();
  await expect(scope.getByText("The password is wrong.")).toBeVisible();
  await scope.getByLabel("Password").fill(password);
  await scope.getByRole("button", { name: "Continue" }).click();
  await expect(scope.getByRole("img", { name: "QR code for the authenticator app" })).toBeVisible();
  const totp = authenticator(await scope.getByTestId("totp-secret").innerText());
  await scope.getByLabel("Code from the app").fill(wrongCode(totp));
  await scope.getByRole("button", { name: "Turn on" }).click();
  await expect(scope.getByText("The code is wrong.", { exact: false })).toBeVisible();
  await scope.getByLabel("Code from the app").fill(totp.generate());
  await scope.getByRole("button", { name: "Turn on" }).click();
  const list = scope.getByTestId("recovery-codes");
  await expect(list.getByRole("listitem")).toHaveCount(10);
  const codes = await list.getByRole("listitem").allInnerTexts();
  await scope.getByRole("button", { name: "I have saved them" }).click();
  return { totp, codes };
}

test("TOTP from the user menu: sign-in asks for the code, refuses a wrong one, a recovery code works once, a remembered browser skips it", async ({ page, browser }) => {
  test.setTimeout(240_000);
  const u = { name: `Tess ${run}`, email: `tess-${run}@e2e.test`, password: `tess-${run}-password`, spaces: {} };
  await signInAsAdmin(page);
  await createUserViaUi(page, u);

  const ctx = await browser.newContext();
  const me = await ctx.newPage();
  await passwordStep(me, u.email, u.password);
  await landed(me);

  const { totp, codes } = await test.step("set up from the user menu", async () => {
    await me.getByTestId("user-menu").click();
    await me.getByRole("menuitem", { name: "Set up two-factor sign-in" }).click();
    const dialog = me.getByRole("dialog", { name: "Two-factor sign-in" });
    await expectAccessible(me, "two-factor setup dialog");
    await keepScreenshot(me, "two-factor-setup.png", { fullPage: true });
    const result = await setUpInDialogOrPage(me, dialog, u.password);
    await expect(dialog).toBeHidden();
    await me.getByTestId("user-menu").click();
    await expect(me.getByRole("menuitem", { name: "Two-factor sign-in", exact: true })).toBeVisible();
    await me.keyboard.press("Escape");
    return result;
  });

  await test.step("sign-in asks for the code; a wrong one is refused and kept, the right one signs in", async () => {
    await signOut(me);
    await passwordStep(me, u.email, u.password);
    await expect(me.getByRole("heading", { name: "Two-factor sign-in" })).toBeVisible({ timeout: 30_000 });
    await expectAccessible(me, "two-factor sign-in step");
    await keepScreenshot(me, "two-factor-step.png", { fullPage: true });
    const wrong = wrongCode(totp);
    await me.getByLabel("Code", { exact: true }).fill(wrong);
    await me.getByRole("button", { name: "Verify" }).click();
    await expect(me.getByText("The code is wrong.", { exact: false })).toBeVisible();
    await expect(me.getByLabel("Code", { exact: true })).toHaveValue(wrong);
    await me.getByLabel("Code", { exact: true }).fill(totp.generate());
    await me.getByRole("button", { name: "Verify" }).click();
    await landed(me);
  });

  await test.step("a recovery code works once", async () => {
    await signOut(me);
    await passwordStep(me, u.email, u.password);
    await me.getByRole("button", { name: "Use a recovery code" }).click();
    await me.getByLabel("Recovery code").fill(codes[0]!);
    await me.getByRole("button", { name: "Verify" }).click();
    await landed(me);
    await signOut(me);
    await passwordStep(me, u.email, u.password);
    await me.getByRole("button", { name: "Use a recovery code" }).click();
    await me.getByLabel("Recovery code").fill(codes[0]!);
    await me.getByRole("button", { name: "Verify" }).click();
    await expect(me.getByText("This recovery code is wrong or was already used.")).toBeVisible();
  });

  await test.step("another recovery code with 'don't ask again': the next sign-in needs the password only", async () => {
    await me.getByLabel("Recovery code").fill(codes[1]!);
    await me.getByLabel("Don't ask again on this browser for 30 days").check();
    await me.getByRole("button", { name: "Verify" }).click();
    await landed(me);
    await signOut(me);
    await passwordStep(me, u.email, u.password);
    await landed(me);
  });

  await test.step("the audit log has the two-factor changes and sign-ins", async () => {
    await page.goto("/audit?operation=auth.signInTwoFactor");
    const rows = page.getByTestId("audit-row").filter({ hasText: u.email });
    await expect(rows).toHaveCount(5);
    // The wrong first code at setup (refused) and the right one.
    await page.goto("/audit?operation=account.enableTwoFactor");
    await expect(page.getByTestId("audit-row").filter({ hasText: u.email })).toHaveCount(2);
  });

  await test.step("turned off with the password", async () => {
    await me.getByTestId("user-menu").click();
    await me.getByRole("menuitem", { name: "Two-factor sign-in", exact: true }).click();
    const dialog = me.getByRole("dialog", { name: "Two-factor sign-in" });
    await dialog.getByLabel("Password").fill(u.password);
    await dialog.getByRole("button", { name: "Turn off" }).click();
    await expect(dialog).toBeHidden();
    await me.getByTestId("user-menu").click();
    await expect(me.getByRole("menuitem", { name: "Set up two-factor sign-in" })).toBeVisible();
  });
  await ctx.close();
});

test("the requirement: once required, a user without two-factor gets the setup before anything else (on an app of this spec's own)", async ({ page }) => {
  test.setTimeout(240_000);
  // App-wide: on the shared server it would send every other spec's admin to the setup.
  const app = await startAppInstance(OWN_APP_PORT);
  try {
    const admin = { name: "Req Admin", email: `req-${run}@e2e.test`, password: `req-${run}-password` };
    await setUpFirstAdmin(page, app, admin);
    await page.goto(`${app.url}/settings/users`);
    await page.getByRole("combobox", { name: "Require two-factor sign-in" }).click();
    await page.getByRole("option", { name: "For everyone" }).click();
    await expect(page.getByText("Two-factor requirement saved.")).toBeVisible();

    // The next page is the setup, and nothing else answers for this session meanwhile.
    await page.goto(`${app.url}/settings/users`);
    await expect(page).toHaveURL(/\/two-factor\/setup$/);
    await expect(page.getByRole("heading", { name: "Set up two-factor sign-in" })).toBeVisible();
    await expectAccessible(page, "required two-factor setup");
    expect((await page.request.get(`${app.url}/api/notifications`)).status()).toBe(401);

    await setUpInDialogOrPage(page, page, admin.password);
    await expect(page.getByTestId("user-menu")).toBeVisible({ timeout: 30_000 });
    expect((await page.request.get(`${app.url}/api/notifications`)).status()).toBe(200);

    // A second sign-in asks for the code, as for anyone with two-factor on.
    await signOut(page);
    await page.goto(`${app.url}/sign-in`);
    await page.getByLabel("E-mail").fill(admin.email);
    await page.getByLabel("Password").fill(admin.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { name: "Two-factor sign-in" })).toBeVisible({ timeout: 30_000 });
  } finally {
    await app.stop();
  }
});
