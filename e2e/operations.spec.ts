import { createUserViaUi, signIn, signInAsAdmin } from "./helpers/auth";
import { expectAccessible } from "./helpers/axe";
import { E2E } from "./helpers/env";
import { ensureSandboxSpace, linkSpace, sandboxSpace } from "./helpers/keys";
import { expect, test } from "./helpers/test";

/**
 * Settings → Operations as an admin meets it: after a space of its own was read, the Sandbox
 * account's QueryChatappPhoneNumbers row shows calls and the sync table its spaces; /metrics has the
 * same figures for an admin and refuses anyone signed out; /api/health answers without a session.
 * An operator is shown neither Settings nor the Operations figures.
 */
test.describe.configure({ mode: "serial" });

const SPACE = { custSpaceId: "e2e-ops", name: "E2E Operations" };
const run = Date.now().toString(36);

test("an admin sees the CAMS budget by lane and the inventory sync per account", async ({ page }) => {
  await ensureSandboxSpace(SPACE.custSpaceId, SPACE.name, 2);
  const [first] = (await sandboxSpace(SPACE.custSpaceId)).phoneNumbers;
  await signInAsAdmin(page);
  const spaceId = await linkSpace(page, SPACE.name, SPACE.custSpaceId);
  // Opening the list reads the never-observed space from CAMS once (a person's call).
  await page.goto(`/s/${spaceId}/phone-numbers`);
  await expect(page.getByTestId(`phone-row-${first!.phoneNumber}`)).toBeVisible();

  await page.goto("/settings/accounts");
  await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Operations" }).click();
  await expect(page).toHaveURL(/\/settings\/operations$/);
  await expect(page.getByRole("heading", { name: "CAMS budget" })).toBeVisible();
  const row = page.getByTestId("ops-row-Sandbox-QueryChatappPhoneNumbers");
  await expect(row).toContainText("10/s");
  const person = Number((await row.getByTestId("ops-person").innerText()).match(/(\d+) calls?/)![1]);
  expect(person).toBeGreaterThanOrEqual(1);
  const sync = page.getByTestId("sync-row-Sandbox");
  await expect(sync).toBeVisible();
  await expect(sync.getByTestId("sync-lag")).toHaveText(/\d+ (s|min)/);
  await expectAccessible(page, "operations page");

  // The same figures for a scraper; the admin's session may read them.
  const metrics = await page.request.get("/metrics");
  expect(metrics.status()).toBe(200);
  const text = await metrics.text();
  expect(text).toMatch(/cams_calls_total\{[^}]*operation="QueryChatappPhoneNumbers"[^}]*lane="person"[^}]*outcome="ok"\} \d+/);
  expect(text).toContain("cams_inventory_sync_lag_seconds{");
  expect(text).not.toContain(E2E.sandboxSecret);
});

test("signed out, /metrics is refused and /api/health answers", async ({ playwright }) => {
  const anonymous = await playwright.request.newContext({ baseURL: E2E.baseUrl });
  expect((await anonymous.get("/metrics")).status()).toBe(401);
  const health = await anonymous.get("/api/health");
  expect(health.status()).toBe(200);
  expect(await health.json()).toMatchObject({ ok: true, database: { ok: true }, jobWorker: { state: "ok" }, inventoryWorker: { state: "ok" } });
  await anonymous.dispose();
});

test("an operator gets no Settings and no Operations figures", async ({ page, browser }) => {
  const u = { name: `Ops operator ${run}`, email: `ops-op-${run}@e2e.test`, password: `ops-${run}-pw`, spaces: { [SPACE.name]: "operator" as const } };
  await signInAsAdmin(page);
  await createUserViaUi(page, u);
  const ctx = await browser.newContext();
  const op = await ctx.newPage();
  await signIn(op, u.email, u.password, { fresh: true });
  await expect(op.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Settings" })).toHaveCount(0);
  await op.goto("/settings/operations");
  await expect(op.getByText("Only administrators can change these settings.")).toBeVisible();
  await expect(op.getByRole("heading", { name: "CAMS budget" })).toHaveCount(0);
  expect((await op.request.get("/metrics")).status()).toBe(403);
  await ctx.close();
});
