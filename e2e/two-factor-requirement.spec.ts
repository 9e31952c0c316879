import crypto from "node:crypto";
import { expect, test } from "./helpers/test";
import { expectAccessible } from "./helpers/axe";
import { signOut } from "./helpers/auth";
import { setUpFirstAdmin, startAppInstance } from "./helpers/app-instance";
import { setUpInDialogOrPage } from "./helpers/two-factor";

const run = crypto.randomBytes(3).toString("hex");
// A port of this spec's own for the app it starts (the config's ports are PORT + 1010…1020).
const OWN_APP_PORT = Number(process.env.E2E_PORT ?? 3100) + 1030;

// On an app of its own, reached at its own port: nothing passes the suite's scanning proxy.
test.use({ scanResponses: false });

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
