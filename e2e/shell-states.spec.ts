import { expect, test } from "./helpers/test";
import { signIn, signInAsAdmin } from "./helpers/auth";
import { expectAccessible } from "./helpers/axe";
import { ensureSandboxSpace, linkSpace, sandboxSpace } from "./helpers/keys";
import { ensureSandboxSpaces, spaceIds } from "./helpers/phone-numbers";
import { sandbox } from "./helpers/sandbox";

/**
 * The shell around what is missing or forbidden (a 404 with a way back, Settings only for
 * administrators) and a number's state (banner, only the sensible changes). A space of its own for
 * the states, so no other spec sees a banned number.
 */
const STATES = { custSpaceId: "e2e-states", name: "E2E States" };
const operator = { email: "operator@e2e.test", password: "operator-pass-1" };
const nav = (page: import("@playwright/test").Page) => page.locator("aside").getByRole("navigation", { name: "Main navigation" });

test("an unknown number and another space's page show a 404 inside the shell with a way back; only admins see Settings", async ({ page, browser }) => {
  await ensureSandboxSpaces();
  await signInAsAdmin(page);
  const ids = await spaceIds(page);
  const alpha = ids["e2e-alpha"]!;
  const beta = ids["e2e-beta"]!;

  const res = await page.goto(`/s/${alpha}/phone-numbers/6590000001`);
  expect(res?.status()).toBe(404);
  await expect(page.getByTestId("not-found")).toContainText("Page not found");
  await expect(nav(page).getByRole("link", { name: "Settings" })).toBeVisible();
  await expect(page.getByTestId("space-switcher")).toBeVisible();
  await expectAccessible(page, "404 in a space");
  await page.getByRole("link", { name: "Back to this space's phone numbers" }).click();
  await expect(page).toHaveURL(new RegExp(`/s/${alpha}/phone-numbers$`));

  // An unknown page under a space goes the same way.
  expect((await page.goto(`/s/${alpha}/no-such-page`))?.status()).toBe(404);
  await expect(page.getByTestId("not-found")).toBeVisible();

  const context = await browser.newContext();
  const op = await context.newPage();
  await signIn(op, operator.email, operator.password);
  await expect(nav(op).getByRole("link", { name: "Phone numbers" })).toBeVisible();
  await expect(nav(op).getByRole("link", { name: "Settings" })).toHaveCount(0);
  // The operator's only space is Alpha: Beta's page is a 404 in the shell, the way back the start page.
  expect((await op.goto(`/s/${beta}/phone-numbers`))?.status()).toBe(404);
  await expect(op.getByTestId("not-found")).toBeVisible();
  await op.getByRole("link", { name: "Go to the start page" }).click();
  await expect(op).toHaveURL(new RegExp(`/s/${alpha}/phone-numbers$`));
  await context.close();
});

test("a banned number explains its state and offers neither Register nor Deregister; a disconnected one offers Register", async ({ page }) => {
  await ensureSandboxSpace(STATES.custSpaceId, STATES.name, 1);
  const phone = (await sandboxSpace(STATES.custSpaceId)).phoneNumbers[0]!.phoneNumber;
  const setStatus = (Status: string) => sandbox("PATCH", `numbers/${phone}`, { Status, CodeVerificationStatus: "VERIFIED" });
  await setStatus("BANNED");
  await signInAsAdmin(page);
  const spaceId = await linkSpace(page, STATES.name, STATES.custSpaceId);

  await page.goto(`/s/${spaceId}/phone-numbers/${phone}`);
  const banner = page.getByTestId("number-state-banner");
  await expect(banner).toHaveAttribute("data-state", "BANNED");
  await expect(banner).toContainText("Status: Banned");
  await expect(banner).toContainText("Meta banned the number");
  await expect(banner).toContainText("Request a review in WhatsApp Manager");
  await expect(banner).toContainText("Register and Deregister are not offered in this state");
  await expect(page.getByRole("button", { name: "Register", exact: true })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Deregister" })).toHaveCount(0);
  await expectAccessible(page, "banned number");

  // A change outside the console: the page answers from the inventory at once and refreshes it in
  // the background, so a reload shortly after shows the new state.
  const reloadUntil = (check: () => Promise<void>) =>
    expect(async () => {
      await page.reload();
      await check();
    }).toPass({ timeout: 30_000, intervals: [1_000, 2_000, 3_000] });
  await setStatus("DISCONNECTED");
  await reloadUntil(() => expect(banner).toHaveAttribute("data-state", "DISCONNECTED", { timeout: 2_000 }));
  await expect(banner).toContainText("Register it to connect it again.");
  await expect(page.getByRole("button", { name: "Register", exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Deregister" })).toHaveCount(0);

  await setStatus("CONNECTED");
  await reloadUntil(() => expect(page.getByRole("button", { name: "Deregister" })).toBeVisible({ timeout: 2_000 }));
  await expect(banner).toHaveCount(0);
});
