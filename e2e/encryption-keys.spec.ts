import fs from "node:fs";
import { createPrivateKey, createPublicKey } from "node:crypto";
import type { Page, Request } from "@playwright/test";
import { expect, test } from "./helpers/test";
import { signIn, signInAsAdmin } from "./helpers/auth";
import { expectAccessible } from "./helpers/axe";
import { E2E } from "./helpers/env";
import {
  carriesKey,
  dashboardSpaceId,
  ensureSandboxSpace,
  fingerprintOfPem,
  linkSpace,
  recordRequests,
  rsaKeyPair,
  sandboxSpace,
} from "./helpers/keys";
import { sandbox, sandboxCalls } from "./helpers/sandbox";
import { appLog } from "./helpers/secrets";

const operator = { email: "operator@e2e.test", password: "operator-pass-1" };
const viewer = { email: "viewer@e2e.test", password: "viewer-pass-12" };
/** A sandbox space of our own with 30 verified numbers and no keys: the page-of-30 and paste tests use it. */
const KEYS_SPACE = { custSpaceId: "e2e-keys", name: "E2E Keys", numbers: 30 };

test.describe.configure({ mode: "serial" });

let keysSpaceId = "";
let keysNumbers: string[] = [];
/** The operator's update request, replayed later with other users and inputs. */
let operatorUpdate: Request | undefined;
let alphaSpaceId = "";
let alphaPhone = "";

const keyTab = (spaceId: string, phone: string) => `/s/${spaceId}/phone-numbers/${phone}/encryption-key`;
const status = (page: Page) => page.getByTestId("current-key").locator("[data-key-status]");
/** Calls made for the keys space (other specs run side by side and call CAMS for their own spaces). */
const keysCalls = () => sandboxCalls(KEYS_SPACE.custSpaceId);
const calls = async (op: string) => (await keysCalls()).byAction[op] ?? 0;
/** The count of `op` once it stops moving (the sweep's pass of a new space has ended). */
async function settledCalls(op: string): Promise<number> {
  let last = -1;
  await expect
    .poll(
      async () => {
        const now = await calls(op);
        const same = now === last;
        last = now;
        return same;
      },
      { timeout: 60_000, intervals: [2_000] },
    )
    .toBe(true);
  return last;
}

/** Replays a captured server-action request from another context with a new body. */
async function replay(page: Page, req: Request, body: string) {
  const h = req.headers();
  const res = await page.request.post(req.url(), {
    headers: { "next-action": h["next-action"]!, "content-type": h["content-type"]!, accept: "text/x-component", origin: E2E.baseUrl },
    data: body,
  });
  return res.text();
}

test.beforeAll(async () => {
  await ensureSandboxSpace(KEYS_SPACE.custSpaceId, KEYS_SPACE.name, KEYS_SPACE.numbers);
  await ensureSandboxSpace("e2e-alpha", "E2E Alpha", 5);
  keysNumbers = (await sandboxSpace(KEYS_SPACE.custSpaceId)).phoneNumbers.map((n) => n.phoneNumber);
});

test("a page of 30 numbers loads every key status without a throttled call, then answers from the inventory", async ({ page }) => {
  // Two passes over 30 numbers at 5 calls a second (on demand, then Refresh now), beside the sweep's.
  test.setTimeout(180_000);
  await signInAsAdmin(page);
  keysSpaceId = await linkSpace(page, KEYS_SPACE.name, KEYS_SPACE.custSpaceId);
  alphaSpaceId = (await dashboardSpaceId(page, "e2e-alpha"))!;
  const before = await keysCalls();

  await page.goto(`/s/${keysSpaceId}/encryption-keys`);
  await expect(page.getByRole("heading", { name: "Encryption keys", level: 1 })).toBeVisible();
  await expect(page.locator("[data-testid^=key-row-]")).toHaveCount(30);
  // The numbers the inventory holds no key for yet are read on demand (paced at 5 per second by
  // the server), while the sweep reads the new space's details too: about 7 s for 30 numbers.
  await expect(page.locator('[data-key-status="loading"]')).toHaveCount(0, { timeout: 30_000 });
  await expect(page.locator('[data-key-status="none"]')).toHaveCount(30);
  await expect(page.getByTestId("keys-summary")).toHaveText("30 without a key");
  await expectAccessible(page, "encryption keys list");

  const after = await keysCalls();
  expect(after.limitControl, "no call was throttled").toBe(before.limitControl);
  // Each number asked about once on demand at most, and once by the sweep at most.
  const asked = (after.byAction.GetPhoneEncryptionPublicKey ?? 0) - (before.byAction.GetPhoneEncryptionPublicKey ?? 0);
  expect(asked).toBeGreaterThan(0);
  expect(asked).toBeLessThanOrEqual(60);

  await test.step("once stored, a reload shows every key at once without asking CAMS; Refresh now asks about every number", async () => {
    // The sweep's first pass of the new space stamps its "as of" (the list asks again every 20 s);
    // then nothing asks CAMS about these keys until they are old.
    await expect(page.getByTestId("as-of")).toContainText(/As of/, { timeout: 60_000 });
    const settled = await settledCalls("GetPhoneEncryptionPublicKey");
    await page.reload();
    await expect(page.locator('[data-key-status="none"]')).toHaveCount(30);
    await expect(page.getByTestId("as-of")).toContainText(/As of/);
    expect(await calls("GetPhoneEncryptionPublicKey")).toBe(settled);
    await page.getByTestId("refresh-now").click();
    await expect(page.getByText("Read the keys and QR codes of 30 numbers from CAMS.")).toBeVisible({ timeout: 60_000 });
    expect(await calls("GetPhoneEncryptionPublicKey")).toBe(settled + 30);
    await expect(page.locator('[data-key-status="none"]')).toHaveCount(30);
    expect((await keysCalls()).limitControl).toBe(before.limitControl);
  });
});

test("unverified numbers read as such, calmly; seeded MISMATCH keys are counted", async ({ page }) => {
  await signInAsAdmin(page);
  const retailId = (await dashboardSpaceId(page, "cams-demo-retail"))!;
  const retail = (await sandboxSpace("cams-demo-retail")).phoneNumbers;
  const unverified = retail.filter((n) => n.codeVerificationStatus !== "VERIFIED");
  expect(unverified.length).toBeGreaterThan(0);
  await page.goto(`/s/${retailId}/encryption-keys`);
  await expect(page.locator('[data-key-status="loading"]')).toHaveCount(0, { timeout: 30_000 });
  await expect(page.locator('[data-key-status="notVerified"]')).toHaveCount(unverified.length);
  await expect(page.getByTestId("row-error")).toHaveCount(0);
  await expect(page.locator('[data-key-status="VALID"]')).toHaveCount(retail.filter((n) => n.key?.status === "VALID").length);

  await page.goto(keyTab(retailId, unverified[0]!.phoneNumber));
  await expect(status(page)).toHaveText("Not verified");
  await expect(page.getByTestId("key-status-help")).toContainText("The number is not verified yet");
  await expect(page.getByRole("button", { name: "Review and update" })).toHaveCount(0);
});

test("all spaces: one page of every readable space's numbers and keys from the server, with a space column", async ({ page }) => {
  await signInAsAdmin(page);
  const before = await keysCalls();
  const requests = recordRequests(page);
  await page.goto("/s/all/encryption-keys");
  // Every space's list first: a spec running alongside may have slowed its own space down.
  await expect(page.getByRole("columnheader", { name: "Space" })).toBeVisible({ timeout: 30_000 });
  const rows = page.locator("[data-testid^=key-row-]");
  await expect(rows).toHaveCount(50);
  await expect(page.getByText(/^Page 1 of \d+$/)).toBeVisible();
  await expect(page.getByTestId("keys-count")).toHaveText(/^1–50 of \d+$/);
  const total = Number((await page.getByTestId("keys-count").textContent())!.split(" of ")[1]);
  expect(total).toBeGreaterThanOrEqual(KEYS_SPACE.numbers + 5);
  await expect(rows.filter({ hasText: "E2E Alpha" }).first()).toBeVisible();
  await expect(rows.filter({ hasText: KEYS_SPACE.name }).first()).toBeVisible();
  await expect(page.locator('[data-key-status="loading"]')).toHaveCount(0, { timeout: 40_000 });
  // Keys come from the inventory; at most the visible page's numbers it has no key for are asked about, and nothing was throttled.
  const shown = await rows.filter({ hasText: KEYS_SPACE.name }).count();
  const after = await keysCalls();
  const asked = (after.byAction.GetPhoneEncryptionPublicKey ?? 0) - (before.byAction.GetPhoneEncryptionPublicKey ?? 0);
  expect(asked).toBeLessThanOrEqual(shown);
  expect(after.limitControl).toBe(before.limitControl);
  const firstPage = await rows.evaluateAll((els) => els.map((e) => e.getAttribute("data-testid")));
  await page.getByRole("button", { name: "Next page" }).click();
  await expect(page.getByText(/^Page 2 of \d+$/)).toBeVisible();
  // Of the same total or more: specs alongside add numbers to spaces of their own meanwhile.
  await expect(page.getByTestId("keys-count")).toHaveText(/^51–\d+ of \d+$/);
  expect(Number((await page.getByTestId("keys-count").textContent())!.split(" of ")[1])).toBeGreaterThanOrEqual(total);
  await expect(page.locator('[data-key-status="loading"]')).toHaveCount(0, { timeout: 40_000 });
  // The pages do not overlap (the server's order is total), and the browser never loaded a space's whole list.
  const secondPage = await rows.evaluateAll((els) => els.map((e) => e.getAttribute("data-testid")));
  expect(secondPage.filter((id) => firstPage.includes(id))).toEqual([]);
  const urls = requests.all.map((r) => new URL(r.url()).pathname);
  expect(urls.filter((u) => /^\/api\/spaces\/[^/]+\/encryption-keys$/.test(u))).toEqual([]);
  expect(urls.filter((u) => u === "/api/encryption-keys/all/page").length).toBeGreaterThan(0);
  expect((await keysCalls()).limitControl).toBe(before.limitControl);
});

test("operator generates a key pair: the private key downloads, never leaves the browser; the public key becomes VALID", async ({ page }) => {
  test.setTimeout(90_000);
  const alpha = (await sandboxSpace("e2e-alpha")).phoneNumbers.filter((n) => n.codeVerificationStatus === "VERIFIED");
  alphaPhone = (alpha.find((n) => !n.key) ?? alpha[0]!).phoneNumber;
  const requests = recordRequests(page);
  await signIn(page, operator.email, operator.password);
  await page.goto(keyTab(alphaSpaceId, alphaPhone));
  await expect(status(page)).toBeVisible();
  await expectAccessible(page, "encryption key tab");

  await page.getByRole("button", { name: "Generate a key pair" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("button", { name: "Generate key pair" }).click();
  const link = dialog.getByRole("link", { name: "Download private key (.pem)" });
  await expect(link).toBeVisible();
  await expect(dialog.getByText("This is the only copy.")).toBeVisible();
  // The step cannot be skipped: nothing to confirm before the download, nothing to continue to before confirming.
  await expect(dialog.getByRole("checkbox")).toBeDisabled();
  await expect(dialog.getByRole("button", { name: "Continue" })).toBeDisabled();
  await expectAccessible(page, "generate dialog");

  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  const privatePem = fs.readFileSync((await download.path())!, "utf8");
  expect(download.suggestedFilename()).toBe(`whatsapp-flows-private-key-${alphaPhone}.pem`);
  expect(privatePem.startsWith(`-----BEGIN ${"PRIVATE"} KEY-----\n`)).toBe(true);
  const privateKey = createPrivateKey(privatePem);
  expect(privateKey.asymmetricKeyType).toBe("rsa");
  expect(privateKey.asymmetricKeyDetails?.modulusLength).toBe(2048);
  const publicPem = String(createPublicKey(privateKey).export({ type: "spki", format: "pem" })).trim();

  await dialog.getByRole("checkbox").check();
  await dialog.getByRole("button", { name: "Continue" }).click();
  await expect(dialog.getByTestId("fingerprint-change")).toContainText(fingerprintOfPem(publicPem));
  const alphaUpdates = async () => (await sandboxCalls("e2e-alpha")).byAction.UpdatePhoneEncryptionPublicKey ?? 0;
  const before = await alphaUpdates();
  await dialog.getByRole("button", { name: "Upload public key" }).click();
  await expect(dialog).toBeHidden();
  await expect(status(page)).toHaveText("Valid");
  await expect(page.getByTestId("current-key").getByTestId("fingerprint")).toHaveText(fingerprintOfPem(publicPem));
  await expect(page.getByTestId("last-change")).toContainText("Otto Operator (operator@e2e.test)");
  await expect(page.getByTestId("last-change")).toContainText("generated in the browser");
  expect(await alphaUpdates()).toBe(before + 1);

  const held = (await sandboxSpace("e2e-alpha")).phoneNumbers.find((n) => n.phoneNumber === alphaPhone)!;
  expect(held.key).toEqual({ pem: publicPem, status: "VALID" });

  operatorUpdate = requests.actions().find((r) => r.postData()?.includes(alphaPhone) && r.postData()?.includes("BEGIN PUBLIC KEY"));
  expect(operatorUpdate, "the update request was captured").toBeTruthy();
  // The proof: no request of this page, no browser storage and no server log line holds the private key.
  expect(requests.bodies().filter((b) => carriesKey(b, privatePem))).toEqual([]);
  const storage = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
  expect(carriesKey(storage, privatePem)).toBe(false);
  expect(carriesKey(appLog(), privatePem)).toBe(false);
});

test("an invalid PEM gets a field message and nothing is sent", async ({ page }) => {
  await signInAsAdmin(page);
  const requests = recordRequests(page);
  await page.goto(keyTab(keysSpaceId, keysNumbers[0]!));
  await expect(status(page)).toHaveText("No key");
  const before = await calls("UpdatePhoneEncryptionPublicKey");
  const field = page.getByLabel("Public key (PEM)");
  const submit = page.getByRole("button", { name: "Review and update" });

  await field.fill("this is not a key");
  await submit.click();
  await expect(page.getByText("This is not PEM text.")).toBeVisible();

  await field.fill(rsaKeyPair(1024).publicPem);
  await submit.click();
  await expect(page.getByText("WhatsApp Flows needs a 2048-bit RSA key; this key has another size.")).toBeVisible();
  await expect(page.getByTestId("key-preview")).toHaveText("Detected: RSA, 1024 bits.");
  await expect(page.getByRole("alertdialog")).toHaveCount(0);
  await expectAccessible(page, "key form with an error");

  expect(requests.actions()).toEqual([]);
  expect(await calls("UpdatePhoneEncryptionPublicKey")).toBe(before);
});

test("a private key is refused in the browser and on the server, and no request or log carries it", async ({ page }) => {
  await signInAsAdmin(page);
  const requests = recordRequests(page);
  const { privatePem, publicPem } = rsaKeyPair();
  const phone = keysNumbers[1]!;
  await page.goto(keyTab(keysSpaceId, phone));
  await expect(status(page)).toHaveText("No key");
  const before = await calls("UpdatePhoneEncryptionPublicKey");
  const field = page.getByLabel("Public key (PEM)");

  await test.step("pasted: refused on the spot, and submitting sends nothing", async () => {
    await field.fill(privatePem);
    await expect(page.getByText("This is a PRIVATE key. It was not sent")).toBeVisible();
    await page.getByRole("button", { name: "Review and update" }).click();
    await expect(page.getByRole("alertdialog")).toHaveCount(0);
    await page.getByRole("button", { name: "Clear" }).click();
  });

  await test.step("as a file: not even loaded into the box", async () => {
    await page.getByTestId("pem-file-input").setInputFiles({ name: "private.pem", mimeType: "application/x-pem-file", buffer: Buffer.from(privatePem) });
    await expect(page.getByText("That file holds a PRIVATE key. It was not loaded and nothing was sent.")).toBeVisible();
    await expect(field).toHaveValue("");
  });
  expect(requests.actions()).toEqual([]);

  await test.step("a valid public key goes through the confirmation with old and new fingerprints", async () => {
    await page.getByTestId("pem-file-input").setInputFiles({ name: "public.pem", mimeType: "application/x-pem-file", buffer: Buffer.from(publicPem) });
    await expect(page.getByTestId("key-preview")).toContainText("Ready to upload: RSA, 2048 bits");
    await page.getByRole("button", { name: "Review and update" }).click();
    const confirm = page.getByRole("alertdialog");
    await expect(confirm.getByTestId("fingerprint-change")).toContainText("No key set");
    await expect(confirm.getByTestId("fingerprint-change")).toContainText(fingerprintOfPem(publicPem));
    await confirm.getByRole("button", { name: "Update key" }).click();
    await expect(status(page)).toHaveText("Valid");
    await expect(page.getByTestId("last-change")).toContainText("from a file");
  });
  expect(await calls("UpdatePhoneEncryptionPublicKey")).toBe(before + 1);

  await test.step("forged past the browser: the server refuses it and never sends, logs or stores it", async () => {
    const update = requests.actions().find((r) => r.postData()?.includes("BEGIN PUBLIC KEY"))!;
    expect(update).toBeTruthy();
    const body = JSON.parse(update.postData()!) as Record<string, unknown>[];
    body[0]!.publicKey = privatePem;
    const text = await replay(page, update, JSON.stringify(body));
    expect(text).toContain("encryptionKeys.validation.privateKey");
    expect(await calls("UpdatePhoneEncryptionPublicKey")).toBe(before + 1);
    expect(carriesKey(appLog(), privatePem)).toBe(false);
    expect((await sandboxSpace(KEYS_SPACE.custSpaceId)).phoneNumbers.find((n) => n.phoneNumber === phone)!.key?.pem).toBe(publicPem.trim());
  });
  // Only the one legitimate update left the browser, and it held no private key.
  expect(requests.actions()).toHaveLength(1);
  expect(requests.bodies().filter((b) => carriesKey(b, privatePem))).toEqual([]);
});

test("a MISMATCH key shows what it means and the fix; uploading it again makes it VALID", async ({ page }) => {
  await signInAsAdmin(page);
  const phone = keysNumbers[1]!;
  const held = (await sandboxSpace(KEYS_SPACE.custSpaceId)).phoneNumbers.find((n) => n.phoneNumber === phone)!;
  await sandbox("PATCH", `numbers/${phone}`, { EncryptionPublicKeyStatus: "MISMATCH" });
  await page.goto(keyTab(keysSpaceId, phone));
  // Changed outside the console: Refresh now reads this number from CAMS.
  await page.getByTestId("refresh-now").click();
  await expect(status(page)).toHaveText("Mismatch");
  const help = page.getByTestId("key-status-help");
  await expect(help).toContainText("The key no longer matches this number");
  await expect(help).toContainText("Upload the public key again");
  await expectAccessible(page, "mismatch key");

  await page.getByText("Show the PEM").click();
  await expect(page.getByTestId("key-pem")).toHaveText(held.key!.pem);
  await page.getByLabel("Public key (PEM)").fill(held.key!.pem.replace(/\n/g, "\r\n"));
  await expect(page.getByTestId("key-preview")).toContainText("This is the key CAMS already holds.");
  await page.getByRole("button", { name: "Review and update" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Update key" }).click();
  await expect(status(page)).toHaveText("Valid");
});

test("viewer sees the key but no way to change it, and the server refuses a forged update", async ({ page }) => {
  expect(operatorUpdate).toBeTruthy();
  await signIn(page, viewer.email, viewer.password);
  await page.goto(keyTab(alphaSpaceId, alphaPhone));
  await expect(status(page)).toHaveText("Valid");
  await expect(page.getByTestId("read-only-note")).toBeVisible();
  await expect(page.getByRole("button", { name: "Review and update" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Generate a key pair" })).toHaveCount(0);
  await expectAccessible(page, "viewer key tab");

  const before = await calls("UpdatePhoneEncryptionPublicKey");
  const text = await replay(page, operatorUpdate!, operatorUpdate!.postData()!);
  expect(text).toContain("You do not have permission to do that in this space.");
  expect(await calls("UpdatePhoneEncryptionPublicKey")).toBe(before);
});
