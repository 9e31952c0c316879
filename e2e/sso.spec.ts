import crypto from "node:crypto";
import type { Browser, Page } from "@playwright/test";
import { expect, test, hydrated, keepScreenshot } from "./helpers/test";
import { expectAccessible } from "./helpers/axe";
import { createUserViaUi, signOut } from "./helpers/auth";
import { setUpFirstAdmin, startAppInstance, type AppInstance } from "./helpers/app-instance";
import { startOidcProvider, type OidcProvider } from "./helpers/oidc";

const run = crypto.randomBytes(3).toString("hex");
// Ports of this spec's own (the config's are PORT + 1010…1020, e2e/two-factor.spec.ts's + 1030).
const APP_PORT = Number(process.env.E2E_PORT ?? 3100) + 1032;
const IDP_PORT = APP_PORT + 1;

// On an app of its own, reached at its own port: nothing passes the suite's scanning proxy.
test.use({ scanResponses: false });

/** A fresh browser (no provider session) signs in through the provider as `login`; returns the page where it landed. */
async function ssoSignIn(browser: Browser, app: AppInstance, login: string): Promise<Page> {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.goto(`${app.url}/sign-in`);
  // The button's handler runs only once React has hydrated: a click before that does nothing.
  await hydrated(page);
  await page.getByRole("button", { name: "Sign in with Corp ID" }).click();
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("anything");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
  await page.waitForURL((u) => u.origin === app.url, { timeout: 30_000 });
  return page;
}

test("single sign-on with a real OpenID Connect provider: matched by e-mail, refused, admitted by domain, sign-out; the secret is write-only", async ({ page, browser }) => {
  test.setTimeout(300_000);
  // App-wide: on the shared server the sign-in page of every other spec would change.
  const app = await startAppInstance(APP_PORT, { APP_URL: `http://127.0.0.1:${APP_PORT}` });
  let idp: OidcProvider | undefined;
  try {
    idp = await startOidcProvider(IDP_PORT, `${app.url}/api/auth/callback/oidc`);
    const admin = { name: "Sso Admin", email: `admin-${run}@corp.test`, password: `sso-${run}-password` };
    await setUpFirstAdmin(page, app, admin);
    const bob = { name: `Bob ${run}`, email: `bob-${run}@corp.test`, password: `bob-${run}-password`, spaces: {} };
    await createUserViaUi(page, bob, app.url);

    await test.step("Settings → Sign-on: saved, the secret never comes back", async () => {
      await page.goto(`${app.url}/settings/sign-on`);
      await expect(page.getByTestId("sso-redirect-uri")).toHaveText(`${app.url}/api/auth/callback/oidc`);
      await page.getByLabel("Provider name").fill("Corp ID");
      await page.getByLabel("Issuer URL").fill("ftp://nope");
      await page.getByLabel("Client ID").fill(idp!.clientId);
      await page.getByRole("button", { name: "Save" }).click();
      await expect(page.getByText("An https:// address")).toBeVisible();
      await expect(page.getByLabel("Client ID")).toHaveValue(idp!.clientId);
      await page.getByLabel("Issuer URL").fill(idp!.issuer);
      await page.getByRole("button", { name: "Save" }).click();
      await expect(page.getByText("Enter the client secret")).toBeVisible();
      await page.getByLabel("Client secret").fill(idp!.clientSecret);
      await page.getByRole("button", { name: "Save" }).click();
      await expect(page.getByText("Single sign-on saved.")).toBeVisible();
      await page.reload();
      await expect(page.getByLabel("Client secret")).toHaveValue("");
      await expect(page.getByText("Stored encrypted and never shown.")).toBeVisible();
      expect(await page.content()).not.toContain(idp!.clientSecret);
      await expectAccessible(page, "sign-on settings");
      await keepScreenshot(page, "sso-settings.png", { fullPage: true });
    });

    await test.step("an existing user is matched by e-mail, then signs out", async () => {
      const p = await ssoSignIn(browser, app, bob.email);
      await expect(p.getByTestId("user-menu")).toContainText(bob.name, { timeout: 30_000 });
      await signOut(p);
      await expect(p.getByRole("button", { name: "Sign in with Corp ID" })).toBeVisible();
      await p.goto(`${app.url}/`);
      await expect(p).toHaveURL(/\/sign-in$/);
      await p.context().close();
    });

    await test.step("existing users only: an unknown address is refused", async () => {
      const p = await ssoSignIn(browser, app, `eve-${run}@other.test`);
      await expect(p).toHaveURL(/\/sign-in\?error=/);
      await expect(p.getByTestId("sign-in-error")).toContainText("There is no user with your e-mail address here.");
      await p.context().close();
    });

    await test.step("e-mail domains: a new user of corp.test comes in with no spaces, another domain is refused", async () => {
      await page.goto(`${app.url}/settings/sign-on`);
      await page.getByLabel("Who may come in").selectOption("domains");
      await page.getByLabel("E-mail domains").fill("corp.test");
      await page.getByRole("button", { name: "Save" }).click();
      await expect(page.getByText("Single sign-on saved.")).toBeVisible();

      const carol = await ssoSignIn(browser, app, `carol-${run}@corp.test`);
      await expect(carol.getByTestId("user-menu")).toContainText(`carol-${run}`, { timeout: 30_000 });
      await carol.context().close();
      const eve = await ssoSignIn(browser, app, `eve-${run}@other.test`);
      await expect(eve.getByTestId("sign-in-error")).toContainText("Your e-mail domain may not sign in here.");
      await eve.context().close();

      await page.goto(`${app.url}/settings/users`);
      const row = page.getByTestId(`user-row-carol-${run}@corp.test`);
      await expect(row).toContainText("No access");
    });

    await test.step("audited", async () => {
      await page.goto(`${app.url}/audit?operation=auth.signInSso`);
      await expect(page.getByTestId("audit-row")).toHaveCount(4);
      await page.goto(`${app.url}/audit?operation=settings.sso`);
      await expect(page.getByTestId("audit-row").first()).not.toContainText(idp!.clientSecret);
    });
  } finally {
    await idp?.stop();
    await app.stop();
  }
});
