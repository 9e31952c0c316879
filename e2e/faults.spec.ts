import path from "node:path";
import type { Locator, Page } from "@playwright/test";
import { explainCamsErrorIn } from "../lib/i18n/translators";
import { expect, test, keepScreenshot } from "./helpers/test";
import { signInAsAdmin } from "./helpers/auth";
import { E2E } from "./helpers/env";
import { linkSpace, rsaKeyPair } from "./helpers/keys";
import { fillAddNumber, openAddNumber, randomSgNumber } from "./helpers/phone-numbers";
import { sandboxSpace, type SandboxNumber } from "./helpers/qr";
import { clearFaults, injectFault, sandbox, sandboxCalls, sandboxCode } from "./helpers/sandbox";
import { sandboxSpace as webhookState } from "./helpers/webhooks";

/**
 * CAMS failing under every change form: the sandbox injects a timeout, a 5xx, System.LimitControl,
 * a body that is not JSON, a dropped connection or an HTTP 200 carrying an error code, and the UI
 * must explain it (code, plain words, request id when CAMS sent one), keep what was typed, record
 * the failure in the audit log, send AddChatappPhoneNumber once per submit, succeed on a retry
 * once CAMS is back, and the server must go on answering. The Vitest matrix
 * (server/actions/faults.test.ts) runs every action against every fault; this spec proves the UI.
 */

test.describe.configure({ mode: "serial" });

/** A space of its own, so numbers and codes made here change no other spec's counts. */
const SPACE = "e2e-faults";
/** The app's CAMS deadline (lib/env.ts default; the web server inherits the environment). */
const APP_TIMEOUT_MS = Number(process.env.CAMS_TIMEOUT_MS ?? 10_000);

type FaultKind = "latency" | "http" | "error" | "malformed" | "drop";
interface Fault {
  kind: FaultKind;
  httpStatus?: number;
  code?: string;
  latencyMs?: number;
}
const F = {
  timeout: { kind: "latency", latencyMs: APP_TIMEOUT_MS + 2_000 },
  http500: { kind: "http", httpStatus: 500 },
  http503: { kind: "http", httpStatus: 503 },
  limit: { kind: "error", code: "System.LimitControl", httpStatus: 400 },
  malformed: { kind: "malformed" },
  drop: { kind: "drop" },
  businessError: { kind: "error", code: "Ram.PermissionDeny" },
} satisfies Record<string, Fault>;

/** Sends of one call that CAMS keeps answering System.LimitControl: the first and two resends. */
const LIMIT_SENDS = 3;

/** What the UI must show for each fault: the code, and whether CAMS gave a request id. */
const SHOWN: Record<keyof typeof F, { code: string; requestId: boolean }> = {
  timeout: { code: "Network.Timeout", requestId: false },
  http500: { code: "InternalError", requestId: true },
  http503: { code: "ServiceUnavailable", requestId: true },
  limit: { code: "System.LimitControl", requestId: true },
  malformed: { code: "Response.Malformed", requestId: false },
  drop: { code: "Network.Dropped", requestId: false },
  businessError: { code: "Ram.PermissionDeny", requestId: true },
};

let spaceId = "";
let numbers: SandboxNumber[] = [];
/** Added (unverified) by the first test, verified by the verify dialog's test. */
let addedNumber = "";

const fault = (name: keyof typeof F, action: string) => injectFault({ ...F[name], action, custSpaceId: SPACE, count: -1 });
const sent = async (action: string) => (await sandboxCalls(SPACE)).byAction[action] ?? 0;

/**
 * The explained error inside `scope`: the CAMS code, its plain title and explanation from
 * messages/en/camsErrors.json, and the request id when CAMS sent one. Returns that request id.
 */
async function expectExplained(scope: Locator, name: keyof typeof F): Promise<string | null> {
  const { code, requestId } = SHOWN[name];
  const plain = explainCamsErrorIn(code, "en");
  const box = scope.filter({ hasText: code }).last();
  await expect(box).toBeVisible({ timeout: APP_TIMEOUT_MS * 3 + 10_000 });
  await expect(box).toContainText(plain.title);
  await expect(box).toContainText(plain.explanation);
  await expect(box).not.toContainText("Something went wrong");
  if (!requestId) {
    await expect(box).not.toContainText("Request ID");
    return null;
  }
  const id = (await box.locator("dt", { hasText: "Request ID" }).locator("+ dd").textContent())?.trim() ?? "";
  expect(id).toMatch(/^[0-9A-F-]{36}$/);
  return id;
}

const alerts = (page: Page) => page.getByRole("alert");
const toasts = (page: Page) => page.locator("[data-sonner-toast]");

interface Audited {
  operation: string;
  target: string;
  code: string;
  requestId: string | null;
}

/** The audit log lists each failure (one visit: the space's failed events, newest first) with its code and request id. */
async function expectAuditedFailures(page: Page, failures: Audited[]) {
  await page.goto(`/audit?outcome=error&space=${spaceId}`);
  for (const f of failures) {
    // The table shows names and formatted numbers; the row keeps the stored key and target as data.
    const rows = page.locator(`[data-testid="audit-row"][data-operation="${f.operation}"][data-target="${f.target}"]`).filter({ hasText: f.code });
    await expect(rows.first(), `${f.operation} ${f.code} in the audit log`).toBeVisible();
    await expect(rows.first()).toContainText("Failed");
    if (f.requestId) await expect(rows.filter({ hasText: f.requestId })).toHaveCount(1);
  }
}

// Signed in once; every test reuses the session (sign-in under load costs seconds per test).
const STATE = path.join(E2E.dataDir, "faults-admin.json");
test.use({ storageState: STATE });

test.beforeAll(async ({ browser }) => {
  // 409 when it exists already (a re-run against the same sandbox): fine.
  await sandbox("POST", "spaces", { custSpaceId: SPACE, name: "E2E Faults", numbers: 3 });
  numbers = await sandboxSpace(SPACE);
  expect(numbers.filter((n) => n.codeVerificationStatus === "VERIFIED").length).toBeGreaterThanOrEqual(3);
  const context = await browser.newContext({ storageState: undefined });
  const page = await context.newPage();
  await signInAsAdmin(page);
  spaceId = await linkSpace(page, "E2E Faults", SPACE);
  await context.storageState({ path: STATE });
  await context.close();
});

test.afterEach(async () => {
  await clearFaults(SPACE);
});

test("read path: under a 5xx the phone list keeps its last data, marked stale with the explained error, and recovers", async ({ page }) => {
  await page.goto(`/s/${spaceId}/phone-numbers`);
  const row = page.getByTestId(`phone-row-${numbers[0]!.phoneNumber}`);
  await expect(row).toBeVisible();
  await fault("http503", "QueryChatappPhoneNumbers");
  await page.getByTestId("refresh-now").click();
  const stale = page.getByTestId("as-of-stale");
  await expectExplained(stale.getByRole("alert"), "http503");
  // The last known numbers stay on screen: a failing account does not blank the list.
  await expect(row).toBeVisible();
  await keepScreenshot(page, "phone-list-503.png", { fullPage: true });
  await clearFaults(SPACE);
  // The next refresh (Refresh now is allowed again after a few seconds; reads also refresh in the
  // background) clears the mark.
  await expect(async () => {
    await page.getByTestId("refresh-now").click();
    await expect(stale).toHaveCount(0, { timeout: 2_000 });
  }).toPass({ timeout: 30_000, intervals: [2_000, 3_000] });
  await expect(row).toBeVisible();
});

test("add number: 5xx and a dropped connection are explained, the form keeps its values, one send per submit", async ({ page }) => {
  const n = randomSgNumber();
  const name = "Fault Tolerant Shop";
  await page.goto(`/s/${spaceId}/phone-numbers`);
  await openAddNumber(page);
  const dialog = page.getByRole("dialog");
  const before = await sent("AddChatappPhoneNumber");

  await fault("http503", "AddChatappPhoneNumber");
  await fillAddNumber(page, { country: "Singapore", national: n.national, name });
  const id503 = await expectExplained(dialog.getByRole("alert"), "http503");
  await expect(dialog).toContainText("check the list before you try again");
  await keepScreenshot(page, "add-number-503.png");
  await expect(dialog.getByRole("combobox", { name: "Country" })).toHaveValue("Singapore (+65)");
  await expect(dialog.getByLabel("Phone number")).toHaveValue(n.national);
  await expect(dialog.getByLabel("Display name")).toHaveValue(name);
  expect(await sent("AddChatappPhoneNumber")).toBe(before + 1);

  await clearFaults(SPACE);
  await fault("drop", "AddChatappPhoneNumber");
  await dialog.getByRole("button", { name: "Add number" }).click();
  await expectExplained(dialog.getByRole("alert"), "drop");
  await expect(dialog.getByLabel("Phone number")).toHaveValue(n.national);
  expect(await sent("AddChatappPhoneNumber")).toBe(before + 2);

  await clearFaults(SPACE);
  await dialog.getByRole("button", { name: "Add number" }).click();
  await expect(dialog.getByRole("heading", { name: "Number added" })).toBeVisible();
  expect(await sent("AddChatappPhoneNumber")).toBe(before + 3);
  addedNumber = n.full;

  await expectAuditedFailures(page, [
    { operation: "phoneNumbers.add", target: n.full, code: "ServiceUnavailable", requestId: id503 },
    { operation: "phoneNumbers.add", target: n.full, code: "Network.Dropped", requestId: null },
  ]);
});

test("add number: a timeout is explained, the add is not repeated, and a resubmit is told the number exists", async ({ page }) => {
  test.setTimeout(APP_TIMEOUT_MS * 3 + 60_000);
  const n = randomSgNumber();
  await page.goto(`/s/${spaceId}/phone-numbers`);
  await openAddNumber(page);
  const dialog = page.getByRole("dialog");
  const before = await sent("AddChatappPhoneNumber");

  await injectFault({ ...F.timeout, action: "AddChatappPhoneNumber", custSpaceId: SPACE });
  await fillAddNumber(page, { country: "Singapore", national: n.national, name: "Slow Answer Shop" });
  await expectExplained(dialog.getByRole("alert"), "timeout");
  await expect(dialog).toContainText("check the list before you try again");
  await expect(dialog.getByLabel("Phone number")).toHaveValue(n.national);
  expect(await sent("AddChatappPhoneNumber"), "no retry of the add").toBe(before + 1);

  // CAMS carried the add out after the deadline; the resubmit must not add it a second time.
  await expect.poll(async () => (await sandboxSpace(SPACE)).some((x) => x.phoneNumber === n.full), { timeout: 10_000 }).toBe(true);
  await dialog.getByRole("button", { name: "Add number" }).click();
  await expect(dialog.getByRole("alert").filter({ hasText: "InvalidParameter.PhoneNumberExists" })).toBeVisible();
  expect(await sent("AddChatappPhoneNumber")).toBe(before + 2);
  expect((await sandboxSpace(SPACE)).filter((x) => x.phoneNumber === n.full)).toHaveLength(1);

  await expectAuditedFailures(page, [
    { operation: "phoneNumbers.add", target: n.full, code: "Network.Timeout", requestId: null },
  ]);
});

test("verify dialog: send code under System.LimitControl, verify under a non-JSON body and an error code; choices and code kept", async ({ page }) => {
  expect(addedNumber, "the add test left an unverified number").not.toBe("");
  await page.goto(`/s/${spaceId}/phone-numbers/${addedNumber}?verify=1`);
  const panel = page.getByTestId("verify-panel");

  await fault("limit", "GetChatappVerifyCode");
  await page.getByRole("radio", { name: "Voice" }).check();
  await page.getByRole("radio", { name: "Chinese" }).check();
  await page.getByRole("button", { name: "Send code" }).click();
  const idLimit = await expectExplained(panel.getByRole("alert"), "limit");
  await keepScreenshot(page, "send-code-limit.png", { fullPage: true });
  await expect(page.getByRole("radio", { name: "Voice" })).toBeChecked();
  await expect(page.getByRole("radio", { name: "Chinese" })).toBeChecked();
  expect(await sent("GetChatappVerifyCode")).toBeGreaterThanOrEqual(1);

  await clearFaults(SPACE);
  await page.getByRole("button", { name: "Send code" }).click();
  await expect(page.getByRole("button", { name: /New code in \d+ s/ })).toBeDisabled();
  const { code } = await sandboxCode(addedNumber);
  expect(code).toMatch(/^\d{6}$/);

  await fault("malformed", "ChatappVerifyAndRegister");
  await page.getByLabel("Verification code").fill(code!);
  await page.getByRole("button", { name: "Verify and register" }).click();
  await expectExplained(panel.getByRole("alert"), "malformed");
  await expect(page.getByLabel("Verification code")).toHaveValue(code!);

  await clearFaults(SPACE);
  await fault("businessError", "ChatappVerifyAndRegister");
  await page.getByRole("button", { name: "Verify and register" }).click();
  const idBusiness = await expectExplained(panel.getByRole("alert"), "businessError");
  await expect(page.getByLabel("Verification code")).toHaveValue(code!);

  await clearFaults(SPACE);
  await page.getByRole("button", { name: "Verify and register" }).click();
  await expect(page.getByText("Number verified and registered.")).toBeVisible();

  await expectAuditedFailures(page, [
    { operation: "phoneNumbers.requestVerifyCode", target: addedNumber, code: "System.LimitControl", requestId: idLimit },
    { operation: "phoneNumbers.verify", target: addedNumber, code: "Response.Malformed", requestId: null },
    { operation: "phoneNumbers.verify", target: addedNumber, code: "Ram.PermissionDeny", requestId: idBusiness },
  ]);
});

test("encryption key: an error code in HTTP 200 and a 500 are explained, the pasted key stays, the update then succeeds", async ({ page }) => {
  const phone = numbers[1]!.phoneNumber;
  const { publicPem } = rsaKeyPair();
  await page.goto(`/s/${spaceId}/phone-numbers/${phone}/encryption-key`);
  const field = page.getByLabel("Public key (PEM)");
  const form = page.getByRole("form", { name: "Update the key" });
  const submit = async () => {
    await page.getByRole("button", { name: "Review and update" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Update key" }).click();
  };

  await fault("businessError", "UpdatePhoneEncryptionPublicKey");
  await field.fill(publicPem);
  await submit();
  const idBusiness = await expectExplained(form.getByRole("alert"), "businessError");
  await keepScreenshot(page, "key-business-error.png", { fullPage: true });
  await expect(field).toHaveValue(publicPem);

  await clearFaults(SPACE);
  await fault("http500", "UpdatePhoneEncryptionPublicKey");
  await submit();
  const id500 = await expectExplained(form.getByRole("alert"), "http500");
  await expect(field).toHaveValue(publicPem);

  await clearFaults(SPACE);
  await submit();
  await expect(page.getByText("Encryption key updated")).toBeVisible();

  await expectAuditedFailures(page, [
    { operation: "encryptionKeys.update", target: phone, code: "Ram.PermissionDeny", requestId: idBusiness },
    { operation: "encryptionKeys.update", target: phone, code: "InternalError", requestId: id500 },
  ]);
});

const qrTab = (phone: string) => `/s/${spaceId}/phone-numbers/${phone}/qr-codes`;
const codesOf = async (phone: string) => (await sandboxSpace(SPACE)).find((n) => n.phoneNumber === phone)?.qrCodes ?? [];

test("QR create: a timeout is explained with no request id, the message stays, one send; the retry creates the code", async ({ page }) => {
  test.setTimeout(APP_TIMEOUT_MS * 2 + 60_000);
  const phone = numbers[0]!.phoneNumber;
  const message = `Fault check ${Date.now().toString(36)}`;
  await page.goto(qrTab(phone));
  await page.getByRole("button", { name: "New QR code" }).click();
  const dialog = page.getByRole("dialog", { name: "New message QR code" });
  const before = await sent("CreatePhoneMessageQrdl");

  await fault("timeout", "CreatePhoneMessageQrdl");
  await dialog.getByLabel("Prefilled message").fill(message);
  await dialog.getByLabel("SVG").check();
  await dialog.getByRole("button", { name: "Create QR code" }).click();
  await expectExplained(dialog.getByRole("alert"), "timeout");
  await keepScreenshot(page, "qr-create-timeout.png");
  await expect(dialog.getByLabel("Prefilled message")).toHaveValue(message);
  await expect(dialog.getByLabel("SVG")).toBeChecked();
  expect(await sent("CreatePhoneMessageQrdl")).toBe(before + 1);

  await clearFaults(SPACE);
  await dialog.getByRole("button", { name: "Create QR code" }).click();
  await expect(dialog).toBeHidden();
  expect(await sent("CreatePhoneMessageQrdl")).toBe(before + 2);
  expect((await codesOf(phone)).filter((c) => c.prefilledMessage === message).length).toBeGreaterThanOrEqual(1);

  await expectAuditedFailures(page, [
    { operation: "qrCodes.create", target: phone, code: "Network.Timeout", requestId: null },
  ]);
});

test("QR update: a dropped connection and a non-JSON body are explained, the edit stays, one send per confirm", async ({ page }) => {
  const phone = numbers[0]!.phoneNumber;
  const code = (await codesOf(phone))[0]!.code;
  const edited = `Edited under faults ${Date.now().toString(36)}`;
  await page.goto(qrTab(phone));
  const card = page.getByTestId(`qr-card-${code}`);
  await card.getByRole("button", { name: `Edit QR code ${code}` }).click();
  const edit = page.getByRole("dialog", { name: `Edit QR code ${code}` });
  const confirm = async () => {
    await edit.getByRole("button", { name: "Update QR code" }).click();
    await page.getByRole("alertdialog", { name: `Update QR code ${code}?` }).getByRole("button", { name: "Update, retire the old code" }).click();
  };
  const before = await sent("UpdatePhoneMessageQrdl");

  await fault("drop", "UpdatePhoneMessageQrdl");
  await edit.getByLabel("Prefilled message").fill(edited);
  await confirm();
  await expectExplained(edit.getByRole("alert"), "drop");
  await keepScreenshot(page, "qr-update-drop.png");
  await expect(edit.getByLabel("Prefilled message")).toHaveValue(edited);
  expect(await sent("UpdatePhoneMessageQrdl")).toBe(before + 1);

  await clearFaults(SPACE);
  await fault("malformed", "UpdatePhoneMessageQrdl");
  await confirm();
  await expectExplained(edit.getByRole("alert"), "malformed");
  await expect(edit.getByLabel("Prefilled message")).toHaveValue(edited);
  expect(await sent("UpdatePhoneMessageQrdl")).toBe(before + 2);

  await clearFaults(SPACE);
  await confirm();
  await expect(edit).toBeHidden();
  // CAMS answers an update with a new code that replaces the old one (vendor docs): the toast says so.
  await expect(page.getByText(new RegExp(`New code \\w+ replaces ${code}`))).toBeVisible();
  expect(await sent("UpdatePhoneMessageQrdl")).toBe(before + 3);
  expect((await codesOf(phone)).some((c) => c.prefilledMessage === edited)).toBe(true);

  await expectAuditedFailures(page, [
    { operation: "qrCodes.update", target: phone, code: "Network.Dropped", requestId: null },
    { operation: "qrCodes.update", target: phone, code: "Response.Malformed", requestId: null },
  ]);
});

test("QR delete: a 503 and System.LimitControl are explained in a toast, the code stays, one send per confirm", async ({ page }) => {
  const phone = numbers[0]!.phoneNumber;
  const code = (await codesOf(phone)).at(-1)!.code;
  await page.goto(qrTab(phone));
  const card = page.getByTestId(`qr-card-${code}`);
  const confirmDelete = async () => {
    await card.getByRole("button", { name: `Delete QR code ${code}` }).click();
    await page.getByRole("alertdialog", { name: `Delete QR code ${code}?` }).getByRole("button", { name: "Delete QR code" }).click();
  };
  const before = await sent("DeletePhoneMessageQrdl");

  await fault("http503", "DeletePhoneMessageQrdl");
  await confirmDelete();
  const id503 = await expectExplained(toasts(page), "http503");
  await keepScreenshot(page, "qr-delete-503.png");
  await expect(card).toBeVisible();
  expect(await sent("DeletePhoneMessageQrdl")).toBe(before + 1);

  await clearFaults(SPACE);
  await fault("limit", "DeletePhoneMessageQrdl");
  await confirmDelete();
  const idLimit = await expectExplained(toasts(page), "limit");
  await expect(card).toBeVisible();
  // System.LimitControl: CAMS ran nothing, so the client sends again at the next slot (any
  // operation, at most twice: server/cams/call.ts) before explaining it.
  expect(await sent("DeletePhoneMessageQrdl")).toBe(before + 1 + LIMIT_SENDS);

  await clearFaults(SPACE);
  await confirmDelete();
  await expect(page.getByText(`QR code ${code} deleted`)).toBeVisible();
  await expect(card).toHaveCount(0);
  expect(await sent("DeletePhoneMessageQrdl")).toBe(before + 2 + LIMIT_SENDS);

  await expectAuditedFailures(page, [
    { operation: "qrCodes.delete", target: phone, code: "ServiceUnavailable", requestId: id503 },
    { operation: "qrCodes.delete", target: phone, code: "System.LimitControl", requestId: idLimit },
  ]);
});

test("number webhook: System.LimitControl and a non-JSON body are explained, the URLs stay, then it saves", async ({ page }) => {
  const phone = numbers[2]!.phoneNumber;
  const run = Date.now().toString(36);
  const statusUrl = `https://hooks.e2e.test/faults/${run}/status`;
  const inboundUrl = `https://hooks.e2e.test/faults/${run}/inbound`;
  await page.goto(`/s/${spaceId}/phone-numbers/${phone}/webhook`);
  const form = page.getByRole("form", { name: "Callback settings" });
  const kept = async () => {
    await expect(page.getByLabel("Status-report callback URL")).toHaveValue(statusUrl);
    await expect(page.getByLabel("Inbound-message callback URL")).toHaveValue(inboundUrl);
  };

  await fault("limit", "UpdatePhoneWebhook");
  await page.getByLabel("Status-report callback URL").fill(statusUrl);
  await page.getByLabel("Inbound-message callback URL").fill(inboundUrl);
  const http = page.getByRole("switch", { name: "Receive by HTTP" });
  if ((await http.getAttribute("aria-checked")) !== "true") await http.click();
  await page.getByRole("button", { name: "Save to CAMS" }).click();
  const idLimit = await expectExplained(form.getByRole("alert"), "limit");
  await keepScreenshot(page, "phone-webhook-limit.png", { fullPage: true });
  await kept();

  await clearFaults(SPACE);
  await fault("malformed", "UpdatePhoneWebhook");
  await page.getByRole("button", { name: "Save to CAMS" }).click();
  await expectExplained(form.getByRole("alert"), "malformed");
  await kept();

  await clearFaults(SPACE);
  await page.getByRole("button", { name: "Save to CAMS" }).click();
  await expect(page.getByTestId("save-request-id")).not.toBeEmpty();
  await kept();

  await expectAuditedFailures(page, [
    { operation: "webhooks.updatePhone", target: phone, code: "System.LimitControl", requestId: idLimit },
    { operation: "webhooks.updatePhone", target: phone, code: "Response.Malformed", requestId: null },
  ]);
});

test("space webhook: an error code in HTTP 200 and a dropped connection are explained, the URL stays, then it saves", async ({ page }) => {
  const url = `https://hooks.e2e.test/faults/${Date.now().toString(36)}/space`;
  await page.goto(`/s/${spaceId}/space-settings`);
  const field = page.getByLabel("Status-report callback URL");
  const http = page.getByRole("switch", { name: "Receive by HTTP" });

  await fault("businessError", "UpdateAccountWebhook");
  if ((await http.getAttribute("aria-checked")) !== "true") await http.click();
  await field.fill(url);
  await page.getByRole("button", { name: "Save to CAMS" }).click();
  const idBusiness = await expectExplained(alerts(page), "businessError");
  await keepScreenshot(page, "space-webhook-business.png", { fullPage: true });
  await expect(field).toHaveValue(url);
  await expect(http).toHaveAttribute("aria-checked", "true");

  await clearFaults(SPACE);
  await fault("drop", "UpdateAccountWebhook");
  await page.getByRole("button", { name: "Save to CAMS" }).click();
  await expectExplained(alerts(page), "drop");
  await expect(field).toHaveValue(url);

  await clearFaults(SPACE);
  await page.getByRole("button", { name: "Save to CAMS" }).click();
  await expect(page.getByText("Saved to CAMS.")).toBeVisible();
  expect((await webhookState(SPACE)).accountWebhook?.statusCallbackUrl).toBe(url);

  await expectAuditedFailures(page, [
    { operation: "webhooks.updateAccount", target: "space", code: "Ram.PermissionDeny", requestId: idBusiness },
    { operation: "webhooks.updateAccount", target: "space", code: "Network.Dropped", requestId: null },
  ]);
});

test("after every fault the server still answers: pages render and CAMS calls go through", async ({ page }) => {
  expect((await page.request.get("/sign-in")).status()).toBe(200);
  await page.goto(`/s/${spaceId}/phone-numbers`);
  await expect(page.getByTestId(`phone-row-${numbers[0]!.phoneNumber}`)).toBeVisible();
  await expect(page.getByTestId("read-error")).toHaveCount(0);
});
