import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Request } from "@playwright/test";
import { expect, scanFrom, test } from "./helpers/test";
import { createUserViaUi, signIn, signInAsAdmin } from "./helpers/auth";
import { E2E } from "./helpers/env";
import { linkSpace, sandboxSpace } from "./helpers/keys";
import { sandbox } from "./helpers/sandbox";
import { acknowledge, readFindings } from "./helpers/scan";

const run = crypto.randomBytes(3).toString("hex");

test.describe("the response scanner (scan-proxy.ts, helpers/test.ts)", () => {
  // Off for this test only: it plants secrets on purpose and checks the scanner by hand.
  test.use({ scanResponses: false });

  test("finds a planted secret and a PEM private key in app pages and reads of a context the test opened itself", async ({ browser }) => {
    const cust = `e2e-scanner-${run}`;
    // A fresh "secret" only this run knows, carried by a CAMS answer the app renders, as a leaked
    // AccessKey secret would be; and a PEM private-key header the same way.
    const planted = `planted-${crypto.randomBytes(12).toString("hex")}`;
    fs.appendFileSync(path.join(E2E.dataDir, "known-secrets.txt"), `${planted}\n`);
    const pem = ["-----BEGIN", " PRIVATE", " KEY-----"].join("");
    await sandbox("POST", "spaces", { custSpaceId: cust, name: "Scanner", numbers: 2 });
    const [one, two] = (await sandboxSpace(cust)).phoneNumbers;
    await sandbox("PATCH", `numbers/${one!.phoneNumber}`, { VerifiedName: `probe ${planted}` });
    await sandbox("PATCH", `numbers/${two!.phoneNumber}`, { VerifiedName: `probe ${pem}` });

    const found = scanFrom();
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInAsAdmin(page);
    const spaceId = await linkSpace(page, "Scanner", cust);
    await page.goto(`/s/${spaceId}/phone-numbers`);
    await expect(page.getByText(`probe ${planted}`)).toBeVisible();
    // A read made by the page's own script (TanStack Query's JSON endpoint) is scanned too.
    const read = await page.evaluate((u) => fetch(u).then((r) => r.status), `/api/spaces/${spaceId}/phone-numbers`);
    expect(read).toBe(200);
    await context.close();

    const report = found();
    expect(report.some((l) => /^known secret #\d+ in GET \/s\/[^/]+\/phone-numbers/.test(l)), report.join("\n")).toBe(true);
    expect(report.some((l) => /^a PEM private key in GET \/s\/[^/]+\/phone-numbers/.test(l)), report.join("\n")).toBe(true);
    expect(report.some((l) => l.includes(`/api/spaces/${spaceId}/phone-numbers`)), report.join("\n")).toBe(true);
    // Nothing of the secret itself is in the report.
    expect(report.join("\n")).not.toContain(planted);

    // Clean up so no later test sees the probe: unlink the space, then accept what was planted.
    await sandbox("PATCH", `numbers/${one!.phoneNumber}`, { VerifiedName: "Scanner One" });
    await sandbox("PATCH", `numbers/${two!.phoneNumber}`, { VerifiedName: "Scanner Two" });
    acknowledge(E2E.dataDir, readFindings(E2E.dataDir));
  });
});

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
});
