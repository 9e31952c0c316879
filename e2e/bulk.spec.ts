import { generateKeyPairSync, randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, test } from "./helpers/test";
import { signIn, signInAsAdmin } from "./helpers/auth";
import { expectAccessible } from "./helpers/axe";
import { linkSpace } from "./helpers/keys";
import { spaceIds } from "./helpers/phone-numbers";
import { clearFaults, injectFault, sandbox, sandboxCalls } from "./helpers/sandbox";

/**
 * Bulk operations against the sandbox: two spaces of their own (10 numbers each) so nothing here
 * touches the numbers other specs look at.
 */
const SPACES = [
  { custSpaceId: "e2e-bulk-1", name: "E2E Bulk One" },
  { custSpaceId: "e2e-bulk-2", name: "E2E Bulk Two" },
];
type SandboxSpace = { phoneNumbers: { phoneNumber: string; statusCallbackUrl: string; key: { pem: string } | null }[] };
const sandboxNumbers = async (cust: string) => (await sandbox<SandboxSpace>("GET", `spaces/${cust}`)).phoneNumbers;

test.describe.configure({ mode: "serial" });

let ids: Record<string, string> = {};
/** The first test's job, which only its creator and administrators may see. */
let adminJobId = "";
/** A space's checkbox in step 1 (its name is the space name and CustSpaceId). */
const spaceBox = (page: Page, name: string) => page.getByRole("checkbox", { name: new RegExp(`^${name}`) });

test.beforeAll(async () => {
  for (const s of SPACES) await sandbox("POST", "spaces", { ...s, numbers: 10 });
});

test.afterEach(async () => {
  for (const s of SPACES) await clearFaults(s.custSpaceId);
});

/** CAMS calls made for this spec's spaces (other specs run side by side and call CAMS meanwhile). */
async function spacesCalls(spaces = SPACES) {
  const each = await Promise.all(spaces.map((s) => sandboxCalls(s.custSpaceId)));
  return {
    webhook: each.reduce((n, c) => n + (c.byAction.UpdatePhoneWebhook ?? 0), 0),
    limitControl: each.reduce((n, c) => n + c.limitControl, 0),
  };
}

/** Links the sandbox spaces in the dashboard (Settings → Spaces), once. */
async function linkSpaces(page: Page) {
  for (const s of SPACES) ids[s.custSpaceId] = await linkSpace(page, s.name, s.custSpaceId);
}

async function pickBothSpaces(page: Page) {
  for (const s of SPACES) await spaceBox(page, s.name).check();
  for (const s of SPACES) await expect(page.getByTestId(`space-numbers-${s.name}`).getByTestId("space-count")).toHaveText("10 of 10 numbers chosen");
  await expect(page.getByTestId("wizard-chosen")).toHaveText("20 numbers chosen");
}

const jobIdOf = (page: Page) => new URL(page.url()).pathname.split("/").pop()!;

test("bulk-set a webhook on 20 numbers across 2 spaces: progress reaches 100%, every number has the new URL", async ({ page }) => {
  test.setTimeout(120_000);
  await signInAsAdmin(page);
  await linkSpaces(page);
  const url = `https://hooks.e2e.test/bulk/${randomBytes(4).toString("hex")}`;
  const before = await spacesCalls();

  await page.goto("/bulk");
  await expect(page.getByRole("heading", { name: "Bulk operations", level: 1 })).toBeVisible();
  await expectAccessible(page, "bulk jobs list");
  await page.getByRole("link", { name: "New bulk operation" }).first().click();
  await expect(page.getByRole("heading", { name: "New bulk operation", level: 1 })).toBeVisible();

  await test.step("numbers: two spaces, all their numbers", async () => {
    await page.getByRole("button", { name: "Next" }).click();
    await expect(page.getByText("Choose at least one number.")).toBeVisible();
    await pickBothSpaces(page);
    await expect(page.getByText("Choose at least one number.")).toHaveCount(0);
    // Open a space's list and leave one number out, then take it back.
    const one = page.getByTestId("space-numbers-E2E Bulk One");
    await one.getByText("Show the numbers").click();
    await one.getByRole("checkbox").first().uncheck();
    await expect(one.getByTestId("space-count")).toHaveText("9 of 10 numbers chosen");
    await expect(page.getByTestId("wizard-chosen")).toHaveText("19 numbers chosen");
    await one.getByRole("button", { name: "All" }).click();
    await expect(page.getByTestId("wizard-chosen")).toHaveText("20 numbers chosen");
    await expectAccessible(page, "bulk wizard, numbers");
    await page.getByRole("button", { name: "Next" }).click();
  });

  await test.step("change: a wrong URL gets a field message; what was typed stays", async () => {
    await expect(page.getByRole("heading", { name: "Change", level: 2 })).toBeFocused();
    await page.getByLabel("Status-report callback URL").fill("ftp://hooks.e2e.test/x");
    await page.getByRole("button", { name: "Next" }).click();
    await expect(page.getByText("Only http:// and https:// addresses can receive callbacks.")).toBeVisible();
    await expect(page.getByLabel("Status-report callback URL")).toHaveValue("ftp://hooks.e2e.test/x");
    await page.getByLabel("Status-report callback URL").fill(url);
    await expectAccessible(page, "bulk wizard, change");
    await page.getByRole("button", { name: "Next" }).click();
  });

  await test.step("review: count per space, what changes, the estimate", async () => {
    await expect(page.getByTestId("review-total")).toHaveText("20");
    await expect(page.getByTestId("job-change")).toContainText(url);
    // Going back loses nothing.
    await page.getByRole("button", { name: "Back" }).click();
    await expect(page.getByLabel("Status-report callback URL")).toHaveValue(url);
    await page.getByRole("button", { name: "Next" }).click();
    // 20 calls at 9.7 per second (97% of 10): 2.1 s, shown rounded up.
    await expect(page.getByTestId("review-estimate")).toContainText("Estimated time: 3 s");
    await expectAccessible(page, "bulk wizard, review");
    await page.getByRole("button", { name: "Start the job" }).click();
  });

  await expect(page).toHaveURL(/\/bulk\/[0-9a-f-]{36}$/);
  const jobId = jobIdOf(page);
  adminJobId = jobId;
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Webhook settings on 20 numbers");
  await expect(page.getByTestId("job-progress")).toHaveAttribute("aria-valuenow", "100", { timeout: 30_000 });
  await expect(page.getByTestId("count-ok")).toHaveText("20");
  await expect(page.getByTestId("count-failed")).toHaveText("0");
  await expect(page.getByTestId("job-status")).toContainText("Done");
  await expectAccessible(page, "bulk job page");

  // CAMS (the sandbox) holds the new URL on all 20 numbers, each set by exactly one call, none throttled.
  const numbers = (await Promise.all(SPACES.map((s) => sandboxNumbers(s.custSpaceId)))).flat();
  expect(numbers).toHaveLength(20);
  expect(numbers.filter((n) => n.statusCallbackUrl !== url)).toEqual([]);
  const after = await spacesCalls();
  expect(after.webhook - before.webhook).toBe(20);
  expect(after.limitControl - before.limitControl).toBe(0);

  await test.step("a number's webhook tab shows the new URL", async () => {
    const phone = numbers[0]!.phoneNumber;
    await page.getByTestId(`item-${phone}`).getByRole("link").click();
    await expect(page).toHaveURL(new RegExp(`/phone-numbers/${phone}/webhook$`));
    await expect(page.getByLabel("Status-report callback URL")).toHaveValue(url);
  });

  await test.step("CSV export: one line per number with its request id", async () => {
    const res = await page.request.get(`/api/bulk/jobs/${jobId}/csv`);
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toContain("text/csv");
    const lines = (await res.text()).trim().split("\r\n");
    expect(lines).toHaveLength(21);
    expect(lines.slice(1).every((l) => /,ok,1,,,[0-9A-F-]{36},/.test(l))).toBe(true);
  });

  await page.goto("/bulk");
  await expect(page.getByTestId(`job-row-${jobId}`)).toContainText("Done");
});

test("cancel a job half-way: the counts stop, and only the numbers counted as changed were changed", async ({ page }) => {
  test.setTimeout(120_000);
  await signInAsAdmin(page);
  ids = await spaceIds(page);
  const url = `https://hooks.e2e.test/cancel/${randomBytes(4).toString("hex")}`;
  // Slow CAMS down so there is time to cancel: each call takes 3 s, the worker keeps 8 in flight,
  // so the first 8 end at about 3 s, the next 8 at 6 s, and the last 4 are not taken before that.
  for (const s of SPACES) await injectFault({ action: "UpdatePhoneWebhook", custSpaceId: s.custSpaceId, kind: "latency", latencyMs: 3000, count: -1 });

  // The pre-selection link other pages use: both spaces, every number.
  await page.goto(`/bulk/new?kind=webhook&spaces=${SPACES.map((s) => ids[s.custSpaceId]).join(",")}`);
  for (const s of SPACES) await expect(spaceBox(page, s.name)).toBeChecked();
  await expect(page.getByTestId("wizard-chosen")).toHaveText("20 numbers chosen");
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByLabel("Status-report callback URL").fill(url);
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("button", { name: "Start the job" }).click();
  await expect(page).toHaveURL(/\/bulk\/[0-9a-f-]{36}$/);

  await expect.poll(async () => Number(await page.getByTestId("count-ok").textContent()), { timeout: 30_000 }).toBeGreaterThanOrEqual(3);
  await page.getByRole("button", { name: "Cancel job" }).click();
  const dialog = page.getByRole("alertdialog");
  await expect(dialog).toContainText("Numbers already changed keep their new setting.");
  await dialog.getByRole("button", { name: "Cancel job" }).click();

  await expect(page.getByTestId("job-status")).toContainText("Cancelled");
  await expect(page.getByTestId("count-remaining")).toHaveText("0", { timeout: 15_000 });
  const ok = Number(await page.getByTestId("count-ok").textContent());
  const cancelled = Number(await page.getByTestId("count-cancelled").textContent());
  expect(ok).toBeLessThan(20);
  expect(cancelled).toBeGreaterThan(0);
  expect(ok + cancelled + Number(await page.getByTestId("count-failed").textContent())).toBe(20);
  // The counts stay where they stopped.
  await page.waitForTimeout(3000);
  await expect(page.getByTestId("count-ok")).toHaveText(String(ok));
  await expect(page.getByRole("button", { name: "Pause" })).toHaveCount(0);

  const changed = (await Promise.all(SPACES.map((s) => sandboxNumbers(s.custSpaceId)))).flat().filter((n) => n.statusCallbackUrl === url);
  expect(changed).toHaveLength(ok);
  await page.getByRole("button", { name: /^Cancelled \(/ }).click();
  await expect(page.locator('tr[data-testid^="item-"]')).toHaveCount(cancelled);
});

test("an encryption key on pre-selected numbers; a pasted private key is refused", async ({ page }) => {
  test.setTimeout(90_000);
  await signInAsAdmin(page);
  ids = await spaceIds(page);
  const phones = (await sandboxNumbers("e2e-bulk-2")).slice(0, 3).map((n) => n.phoneNumber);
  const { publicKey, privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const pem = publicKey.export({ type: "spki", format: "pem" }).toString();

  await page.goto(`/bulk/new?kind=encryption_key&items=${phones.map((p) => `${ids["e2e-bulk-2"]}:${p}`).join(",")}`);
  await expect(page.getByText("3 numbers were chosen on the previous page.")).toBeVisible();
  await expect(page.getByTestId("wizard-chosen")).toHaveText("3 numbers chosen");
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByRole("radio", { name: /Encryption public key/ })).toBeChecked();

  const field = page.getByLabel("Public key (PEM)");
  await field.fill(privateKey.export({ type: "pkcs8", format: "pem" }).toString());
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByText("This is a PRIVATE key. It was not sent, and must never be")).toBeVisible();
  await field.fill(pem);
  await expect(page.getByTestId("key-preview")).toContainText("Ready to upload: RSA, 2048 bits");
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByTestId("review-total")).toHaveText("3");
  // 3 calls at the limiter's rate for changes (CHANGE_HEADROOM of 5 per second), said with its share.
  await expect(page.getByTestId("review-estimate")).toContainText(/At [\d.]+ calls per second per cloud account: \d+% of CAMS's documented limit of 5 per second/);
  await page.getByRole("button", { name: "Start the job" }).click();
  await expect(page.getByTestId("job-progress")).toHaveAttribute("aria-valuenow", "100", { timeout: 30_000 });
  await expect(page.getByTestId("count-ok")).toHaveText("3");

  const keys = (await sandboxNumbers("e2e-bulk-2")).filter((n) => phones.includes(n.phoneNumber)).map((n) => n.key?.pem.trim());
  expect(keys).toEqual([pem.trim(), pem.trim(), pem.trim()]);
});

test("operators pick only their spaces; viewers cannot start a job", async ({ page, browser }) => {
  await signIn(page, "operator@e2e.test", "operator-pass-1");
  await page.goto("/bulk/new");
  await expect(spaceBox(page, "E2E Alpha")).toBeVisible();
  for (const s of SPACES) await expect(spaceBox(page, s.name)).toHaveCount(0);
  await expect(spaceBox(page, "E2E Beta")).toHaveCount(0);
  // A link naming a space the operator may not change offers nothing from it.
  await page.goto(`/bulk/new?spaces=${ids["e2e-bulk-1"]}`);
  await expect(spaceBox(page, "E2E Alpha")).not.toBeChecked();
  await expect(page.getByTestId("wizard-chosen")).toHaveText("No number chosen");
  // The admin's jobs are not theirs to see.
  await page.goto("/bulk");
  await expect(page.getByText("No bulk operations yet")).toBeVisible();

  // The viewer, in a browser of their own.
  const context = await browser.newContext();
  const viewer = await context.newPage();
  await signIn(viewer, "viewer@e2e.test", "viewer-pass-12");
  await viewer.goto("/bulk/new");
  await expect(viewer.getByRole("heading", { name: "No space to change" })).toBeVisible();
  await viewer.goto("/bulk");
  await expect(viewer.getByRole("link", { name: "New bulk operation" })).toHaveCount(0);
  // Nor can they reach the admin's job by its address.
  await viewer.goto(`/bulk/${adminJobId}`);
  await expect(viewer.getByText("Webhook settings on 20 numbers")).toHaveCount(0);
  expect((await viewer.request.get(`/api/bulk/jobs/${adminJobId}`)).status()).toBe(404);
  await context.close();
});

test("turning HTTP off: the review says CAMS will hold no URLs and asks to confirm; the job page shows the read-back", async ({ page }) => {
  test.setTimeout(90_000);
  await signInAsAdmin(page);
  ids = await spaceIds(page);
  const two = SPACES[1]!;
  // The first test gave every number of this space a status URL.
  expect((await sandboxNumbers(two.custSpaceId)).every((n) => n.statusCallbackUrl)).toBe(true);
  const before = (await spacesCalls([two])).webhook;

  await page.goto(`/bulk/new?kind=webhook&spaces=${ids[two.custSpaceId]}`);
  await expect(page.getByTestId("wizard-chosen")).toHaveText("10 numbers chosen");
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("switch", { name: "Receive by HTTP" }).click();
  await page.getByRole("button", { name: "Next" }).click();

  await expect(page.getByTestId("review-after")).toContainText("None: with “Receive by HTTP” off, CAMS clears it");
  await expect(page.getByTestId("review-clears")).toContainText("This clears settings on 10 numbers of 10");
  await expectAccessible(page, "bulk review, clearing");
  // Without the confirmation nothing starts and nothing is sent.
  await page.getByRole("button", { name: "Start the job" }).click();
  await expect(page.getByText("Confirm that these settings may be cleared, or go back and change them.")).toBeVisible();
  await expect(page).toHaveURL(/\/bulk\/new/);
  expect((await spacesCalls([two])).webhook).toBe(before);
  await page.getByRole("checkbox", { name: "I understand: clear these settings on 10 numbers" }).check();
  await page.getByRole("button", { name: "Start the job" }).click();

  await expect(page).toHaveURL(/\/bulk\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("job-status")).toContainText("Done", { timeout: 30_000 });
  // "What changes" shows what CAMS holds, read back: all 10 numbers without URLs, in one group.
  const held = page.getByTestId("held-after");
  await expect(held.getByRole("row")).toHaveCount(2);
  await expect(held.getByRole("row").nth(1)).toContainText("10");
  await expect(held.getByTestId("item-held").first()).toContainText("Not set");
  // The rows come with the summary: every one already shows its read-back.
  await expect(page.locator('tr[data-testid^="item-"] [data-testid="item-held"]')).toHaveCount(10);
  expect((await sandboxNumbers(two.custSpaceId)).every((n) => !n.statusCallbackUrl)).toBe(true);
});
