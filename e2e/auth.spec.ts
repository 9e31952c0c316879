import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { expect, test } from "./helpers/test";
import { expectAccessible } from "./helpers/axe";
import { createUserViaUi, signIn, signInAsAdmin, signOut } from "./helpers/auth";
import { E2E } from "./helpers/env";

const run = crypto.randomBytes(3).toString("hex");
const port = new URL(E2E.baseUrl).port;
const UNTRUSTED = "http://cams.lan:8080";

/** Requests to one auth endpoint leave the browser with another Origin, as from an address the app does not trust. */
const fromUntrustedOrigin = (page: Page, endpoint: string) =>
  page.route(`**/api/auth/${endpoint}`, (route) => route.continue({ headers: { ...route.request().headers(), origin: UNTRUSTED } }));

test("without APP_URL, on a port other than 3000, sign-in and sign-out work", async ({ page }) => {
  expect(port).not.toBe("3000");
  // The app's own start line: the trusted addresses follow PORT (APP_URL is not set by the config).
  const log = fs.readFileSync(path.join(E2E.dataDir, "app.log"), "utf8");
  const line = log.split("\n").find((l) => l.includes("sign-in accepted from these addresses"));
  expect(JSON.parse(line!)).toMatchObject({ appUrl: `http://localhost:${port}`, trustedOrigins: expect.arrayContaining([`http://127.0.0.1:${port}`]) });

  await signInAsAdmin(page);
  await signOut(page);
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in$/);
});

test("an untrusted Origin gets its own explained message on sign-in and on sign-out", async ({ page }) => {
  const api = await page.request.post("/api/auth/sign-in/email", {
    headers: { origin: UNTRUSTED, "content-type": "application/json" },
    data: { email: E2E.admin.email, password: E2E.admin.password },
  });
  expect(api.status()).toBe(403);
  expect((await api.json()).code).toBe("INVALID_ORIGIN");

  await fromUntrustedOrigin(page, "sign-in/email");
  await page.goto("/sign-in");
  await page.getByLabel("E-mail").fill(E2E.admin.email);
  await page.getByLabel("Password").fill(E2E.admin.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  const alert = page.getByTestId("sign-in-error");
  await expect(alert).toContainText("Sign-in is not accepted at this address");
  await expect(alert).toContainText("TRUSTED_ORIGINS");
  await expect(alert).not.toContainText("disabled");
  await expect(page.getByLabel("E-mail")).toHaveValue(E2E.admin.email);
  await page.unroute("**/api/auth/sign-in/email");

  await signInAsAdmin(page);
  await fromUntrustedOrigin(page, "sign-out");
  await page.getByTestId("user-menu").click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page.getByText("Sign-out failed")).toBeVisible();
  await expect(page.getByText("Sign-in is not accepted at this address")).toBeVisible();
  // Still signed in: nothing pretended to work.
  await page.reload();
  await expect(page.getByTestId("user-menu")).toBeVisible();
});

test("a user changes their own password and signs in with it; an admin's reset signs that user out", async ({ page, browser }) => {
  const u = { name: `Pat ${run}`, email: `pat-${run}@e2e.test`, password: `first-${run}-pw`, spaces: {} };
  await signInAsAdmin(page);
  await createUserViaUi(page, u);

  const ctx = await browser.newContext();
  const user = await ctx.newPage();
  await signIn(user, u.email, u.password);
  await user.getByTestId("user-menu").click();
  await user.getByRole("menuitem", { name: "Change password" }).click();
  const dialog = user.getByRole("dialog", { name: "Change password" });
  await dialog.getByLabel("Current password").fill("not-my-password");
  await dialog.getByLabel("New password", { exact: true }).fill(`second-${run}-pw`);
  await dialog.getByLabel("Confirm new password").fill(`second-${run}-pw`);
  await dialog.getByRole("button", { name: "Change password" }).click();
  await expect(dialog.getByText("The current password is wrong.")).toBeVisible();
  await expect(dialog.getByLabel("New password", { exact: true })).toHaveValue(`second-${run}-pw`);
  await expectAccessible(user, "change password dialog");
  await dialog.getByLabel("Current password").fill(u.password);
  await dialog.getByRole("button", { name: "Change password" }).click();
  await expect(dialog).toBeHidden();
  await signOut(user);
  await signIn(user, u.email, `second-${run}-pw`);

  // The admin resets it: the user's open session ends at once.
  await page.goto("/settings/users");
  await page.getByRole("button", { name: `Reset password: ${u.email}` }).click();
  const reset = page.getByRole("dialog");
  await reset.getByLabel("New password").fill(`third-${run}-pw`);
  await reset.getByRole("button", { name: "Reset password" }).click();
  await expect(reset).toBeHidden();
  await user.reload();
  await expect(user).toHaveURL(/\/sign-in$/);
  await signIn(user, u.email, `third-${run}-pw`);

  await page.goto("/audit?operation=users.resetPassword");
  await expect(page.getByTestId("audit-row").first()).toContainText(u.email);
  await ctx.close();
});
