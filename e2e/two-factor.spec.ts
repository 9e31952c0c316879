import crypto from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, test, hydrated, keepScreenshot } from "./helpers/test";
import { expectAccessible } from "./helpers/axe";
import { createUserViaUi, signInAsAdmin, signOut } from "./helpers/auth";
import { setUpInDialogOrPage, wrongCode } from "./helpers/two-factor";

const run = crypto.randomBytes(3).toString("hex");

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
