import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { chromium } from "@playwright/test";
import { expect, test } from "./helpers/test";
import { expectAccessible } from "./helpers/axe";
import { createUserViaUi, signIn, signInAsAdmin, signOut } from "./helpers/auth";
import { E2E } from "./helpers/env";

const run = crypto.randomBytes(3).toString("hex");
const port = new URL(E2E.baseUrl).port;
// A host name the app was not told about: this browser resolves it to the app's loopback address.
const UNTRUSTED_HOST = "cams.lan";
const untrusted = `http://${UNTRUSTED_HOST}:${port}`;

test("without APP_URL, on a port other than 3000, sign-in and sign-out work", async ({ browser }) => {
  // Straight to the app's own port (the rest of the suite comes through the scanning proxy, whose
  // address the config lists in TRUSTED_ORIGINS): only the default trusts this one.
  const appPort = new URL(E2E.appUrl).port;
  expect(appPort).not.toBe("3000");
  // The app's own start line: the trusted addresses follow PORT (APP_URL is not set by the config).
  const log = fs.readFileSync(path.join(E2E.dataDir, "app.log"), "utf8");
  const line = log.split("\n").find((l) => l.includes("sign-in accepted from these addresses"));
  expect(JSON.parse(line!)).toMatchObject({ appUrl: `http://localhost:${appPort}`, trustedOrigins: expect.arrayContaining([`http://127.0.0.1:${appPort}`]) });

  const context = await browser.newContext({ baseURL: E2E.appUrl });
  const page = await context.newPage();
  await signIn(page, E2E.admin.email, E2E.admin.password, { fresh: true });
  expect(new URL(page.url()).port).toBe(appPort);
  await signOut(page);
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in$/);
  await context.close();
});

test("at an address the app does not trust, sign-in and sign-out say so and what to set", async ({ page }) => {
  const api = await page.request.post("/api/auth/sign-in/email", {
    headers: { origin: untrusted, "content-type": "application/json" },
    data: { email: E2E.admin.email, password: E2E.admin.password },
  });
  expect(api.status()).toBe(403);
  expect((await api.json()).code).toBe("INVALID_ORIGIN");

  // A real browser at http://cams.lan:PORT (its own Origin), as from a host name or LAN address.
  const browser = await chromium.launch({
    executablePath: process.env.E2E_CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", `--host-resolver-rules=MAP ${UNTRUSTED_HOST} 127.0.0.1`],
  });
  try {
    const ctx = await browser.newContext();
    const lan = await ctx.newPage();
    await lan.goto(`${untrusted}/sign-in`);
    await lan.getByLabel("E-mail").fill(E2E.admin.email);
    await lan.getByLabel("Password").fill(E2E.admin.password);
    await lan.getByRole("button", { name: "Sign in" }).click();
    const alert = lan.getByTestId("sign-in-error");
    await expect(alert).toContainText(`Sign-in is not accepted at this address (${untrusted})`, { timeout: 30_000 });
    await expect(alert).toContainText("TRUSTED_ORIGINS");
    await expect(alert).not.toContainText("disabled");
    await expect(lan.getByLabel("E-mail")).toHaveValue(E2E.admin.email);

    // Signed in through the trusted address, the same session opened at the untrusted one: sign-out is refused, and says so.
    await signInAsAdmin(page);
    const cookies = (await page.context().cookies()).filter((c) => c.name.includes("session_token"));
    await ctx.addCookies(cookies.map((c) => ({ name: c.name, value: c.value, domain: UNTRUSTED_HOST, path: "/", httpOnly: true, sameSite: "Lax" as const })));
    await lan.goto(`${untrusted}/`);
    await lan.getByTestId("user-menu").click({ timeout: 30_000 });
    await lan.getByRole("menuitem", { name: "Sign out" }).click();
    await expect(lan.getByText("Sign-out failed")).toBeVisible({ timeout: 30_000 });
    await expect(lan.getByText("Sign-in is not accepted at this address")).toBeVisible();
    // Still signed in: nothing pretended to work.
    await lan.reload();
    await expect(lan.getByTestId("user-menu")).toBeVisible({ timeout: 30_000 });
  } finally {
    await browser.close();
  }
});

test("a user changes their own password and signs in with it; an admin's reset signs that user out", async ({ page, browser }) => {
  // Five sign-ins (scrypt) and two contexts: room for a loaded CI machine.
  test.setTimeout(180_000);
  const u = { name: `Pat ${run}`, email: `pat-${run}@e2e.test`, password: `first-${run}-pw`, spaces: {} };
  await signIn(page, E2E.admin.email, E2E.admin.password, { fresh: true });
  await createUserViaUi(page, u);

  const ctx = await browser.newContext();
  const user = await ctx.newPage();
  await signIn(user, u.email, u.password, { fresh: true });
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
  await signIn(user, u.email, `second-${run}-pw`, { fresh: true });

  // The admin resets it: the user's open session ends at once.
  await page.goto("/settings/users");
  await page.getByRole("button", { name: `Reset password: ${u.email}` }).click();
  const reset = page.getByRole("dialog");
  await reset.getByLabel("New password").fill(`third-${run}-pw`);
  await reset.getByRole("button", { name: "Reset password" }).click();
  await expect(reset).toBeHidden();
  await user.reload();
  await expect(user).toHaveURL(/\/sign-in$/);
  await signIn(user, u.email, `third-${run}-pw`, { fresh: true });

  await page.goto("/audit?operation=users.resetPassword");
  await expect(page.getByTestId("audit-row").first()).toContainText(u.email);
  await ctx.close();
});
