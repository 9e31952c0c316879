import crypto from "node:crypto";
import type { Request } from "@playwright/test";
import { expect, test } from "./helpers/test";
import { createUserViaUi, signIn, signInAsAdmin } from "./helpers/auth";
import { E2E } from "./helpers/env";
import { sandbox } from "./helpers/sandbox";

const run = crypto.randomBytes(3).toString("hex");

test("a server action replayed with a foreign Origin is refused and changes nothing; the same request with the app's Origin runs", async ({ page }) => {
  // Saving a space checks its CustSpaceId through the account: the sandbox knows every one used here.
  for (const id of ["origin", "ok", "evil", "evil-null"]) await sandbox("POST", "spaces", { custSpaceId: `e2e-${id}-${run}`, name: id, numbers: 0 });
  await signInAsAdmin(page);
  let captured: Request | undefined;
  page.on("request", (r) => {
    if (!captured && r.method() === "POST" && r.headers()["next-action"] && r.postData()?.includes(`e2e-origin-${run}`)) captured = r;
  });
  await page.goto("/settings/spaces");
  await page.getByRole("button", { name: "Add space" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name").fill(`Origin ${run}`);
  await dialog.getByLabel("CustSpaceId").fill(`e2e-origin-${run}`);
  await dialog.getByRole("button", { name: "Add space" }).click();
  await expect(page.getByTestId(`space-row-e2e-origin-${run}`)).toBeVisible();
  expect(captured, "the create-space action request was captured").toBeTruthy();

  const h = captured!.headers();
  const replay = (custSpaceId: string, origin: string) =>
    page.request.post(captured!.url(), {
      // Same URL (so the same Host), the session cookie of this page, another Origin.
      headers: { "next-action": h["next-action"]!, "content-type": h["content-type"]!, accept: "text/x-component", origin },
      data: captured!.postData()!.replace(`e2e-origin-${run}`, custSpaceId),
      maxRedirects: 0,
    });
  const auditCount = async () => {
    await page.goto("/audit?operation=spaces.create");
    return page.getByTestId("audit-row").count();
  };
  const before = await auditCount();

  const evil = await replay(`e2e-evil-${run}`, "https://evil.example");
  expect(evil.status(), "a foreign Origin gets an error").toBeGreaterThanOrEqual(400);
  const evilNull = await replay(`e2e-evil-null-${run}`, "null");
  expect(evilNull.status(), "an opaque (null) Origin gets an error").toBeGreaterThanOrEqual(400);
  await page.goto("/settings/spaces");
  await expect(page.getByTestId(`space-row-e2e-origin-${run}`)).toBeVisible();
  await expect(page.getByTestId(`space-row-e2e-evil-${run}`)).toHaveCount(0);
  await expect(page.getByTestId(`space-row-e2e-evil-null-${run}`)).toHaveCount(0);
  expect(await auditCount(), "not even an audit row: the action never ran").toBe(before);

  // Control: the very same request with the app's own Origin does run.
  const ok = await replay(`e2e-ok-${run}`, new URL(E2E.baseUrl).origin);
  expect(ok.status()).toBe(200);
  await page.goto("/settings/spaces");
  await expect(page.getByTestId(`space-row-e2e-ok-${run}`)).toContainText(`Origin ${run}`);
  expect(await auditCount()).toBe(before + 1);
});

test("sign-in throttling holds under 40 concurrent wrong passwords; the right one is then refused; other accounts sign in", async ({ page, browser }) => {
  const MAX = 5; // SIGNIN_MAX_ATTEMPTS in playwright.config.ts
  const victim = { name: `Throttle ${run}`, email: `throttle-${run}@e2e.test`, password: `right-pass-${run}`, spaces: {} };
  await signInAsAdmin(page);
  await createUserViaUi(page, victim);

  const attempt = (password: string) =>
    fetch(`${E2E.baseUrl}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: E2E.baseUrl },
      body: JSON.stringify({ email: victim.email, password }),
    }).then(async (r) => ({ status: r.status, body: await r.text() }));

  const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => attempt(`wrong-pass-${i}-${run}`)));
  const statuses = answers.map((a) => a.status);
  const checked = statuses.filter((s) => s === 401).length;
  const throttled = answers.filter((a) => a.status === 429);
  // Every request was either checked against the password (401) or throttled (429); at most MAX were checked.
  expect(checked + throttled.length, `statuses: ${statuses.join(",")}`).toBe(40);
  expect(checked, `statuses: ${statuses.join(",")}`).toBeLessThanOrEqual(MAX);
  expect(throttled[0]!.body).toContain("Too many failed sign-ins. Try again in");

  await test.step("the right password is refused while throttled, with a clear message", async () => {
    const right = await attempt(victim.password);
    expect(right.status).toBe(429);
    const context = await browser.newContext();
    const p = await context.newPage();
    await p.goto("/sign-in");
    await p.getByLabel("E-mail").fill(victim.email);
    await p.getByLabel("Password").fill(victim.password);
    await p.getByRole("button", { name: "Sign in" }).click();
    await expect(p.getByTestId("sign-in-error")).toHaveText(/^Too many failed sign-ins\. Try again in \d+ seconds\.$/);
    await p.goto("/settings/users");
    await expect(p).toHaveURL(/\/sign-in/);
    expect((await context.cookies()).filter((c) => c.name.includes("session_token"))).toEqual([]);
    await context.close();
  });

  await test.step("another account signs in meanwhile", async () => {
    const context = await browser.newContext();
    const p = await context.newPage();
    await signIn(p, E2E.admin.email, E2E.admin.password, { fresh: true });
    await context.close();
  });

  await test.step("the failed and refused sign-ins are audited with the client address", async () => {
    await page.goto(`/audit?operation=auth.signIn`);
    const rows = page.getByTestId("audit-row").filter({ hasText: victim.email });
    await expect(rows.filter({ hasText: "SIGN_IN_THROTTLED" }).first()).toBeVisible();
    await expect(rows.filter({ hasText: "INVALID_EMAIL_OR_PASSWORD" }).first()).toBeVisible();
  });

  await test.step("an admin unlocks the account (audited); the right password then works", async () => {
    await page.goto("/settings/users");
    const row = page.getByTestId(`user-row-${victim.email}`);
    await expect(row.getByTestId("sign-in-delayed")).toBeVisible();
    await row.getByRole("button", { name: `Unlock sign-in: ${victim.email}` }).click();
    await expect(row.getByTestId("sign-in-delayed")).toHaveCount(0);
    const right = await attempt(victim.password);
    expect(right.status, right.body).toBe(200);
    await page.goto("/audit?operation=users.unlockSignIn");
    await expect(page.getByTestId("audit-row").filter({ hasText: victim.email })).toHaveCount(1);
  });
});
