import crypto from "node:crypto";
import type { Browser, Page, Request } from "@playwright/test";
import { expect, test } from "./helpers/test";
import { chooseInUserMenu, signIn, signInAsAdmin } from "./helpers/auth";
import { expectAccessible } from "./helpers/axe";
import { sandboxCalls } from "./helpers/sandbox";
import {
  alphaInSandbox,
  captureAction,
  replayAction,
  sandboxNumber,
  sandboxSpace,
  editAllowedNetworks,
  spaceIdOf,
  startReceiver,
  type Receiver,
} from "./helpers/webhooks";

const OPERATOR = { email: "operator@e2e.test", password: "operator-pass-1" };
const VIEWER = { email: "viewer@e2e.test", password: "viewer-pass-12" };
const run = crypto.randomBytes(3).toString("hex");
const STATUS_URL = `https://hooks.e2e.test/cams/${run}/status`;
const INBOUND_URL = `https://hooks.e2e.test/cams/${run}/inbound?k=1`;

test.describe.configure({ mode: "serial" });

let alphaId = "";
let phone = "";
let other = "";
let saveRequest: Request | undefined;
let networksRequest: Request | undefined;
/** The entry the test-event test adds for its receiver (the list is shared with alert-channels.spec). */
let ownEntry = "";
/** The entry in the captured save request, replayed by an operator. */
let replayedEntry = "";

async function pageAs(browser: Browser, who: { email: string; password: string } | "admin"): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  if (who === "admin") await signInAsAdmin(page);
  else await signIn(page, who.email, who.password);
  return page;
}

const tab = (id: string, number: string) => `/s/${id}/phone-numbers/${number}/webhook`;
const updateCount = async () => (await sandboxCalls("e2e-alpha")).byAction.UpdatePhoneWebhook ?? 0;

test.beforeAll(async ({ browser }) => {
  const alpha = await alphaInSandbox();
  // The last numbers of the space: other specs work on the first ones.
  phone = alpha.phoneNumbers.at(-1)!.phoneNumber;
  other = alpha.phoneNumbers.at(-2)!.phoneNumber;
  const admin = await pageAs(browser, "admin");
  alphaId = await spaceIdOf(admin, "e2e-alpha");
  await admin.context().close();
});

test("operator sets both URLs and both flags; after a reload the values come back from CAMS", async ({ browser }) => {
  const page = await pageAs(browser, OPERATOR);
  const getSave = captureAction(page, STATUS_URL);
  await page.goto(tab(alphaId, phone));
  await expect(page.getByRole("heading", { name: "Callback settings" })).toBeVisible();
  await expectAccessible(page, "webhook tab");

  await page.getByLabel("Status-report callback URL").fill(STATUS_URL);
  await page.getByLabel("Inbound-message callback URL").fill(INBOUND_URL);
  const http = page.getByRole("switch", { name: "Receive by HTTP" });
  const queue = page.getByRole("switch", { name: "Receive by queue" });
  if ((await http.getAttribute("aria-checked")) !== "true") await http.click();
  if ((await queue.getAttribute("aria-checked")) !== "true") await queue.click();
  const before = await updateCount();
  await page.getByRole("button", { name: "Save to CAMS" }).click();

  await test.step("the page shows what CAMS now holds, with the request id", async () => {
    const held = page.getByTestId("held-values");
    await expect(held).toContainText("Read back from CAMS after saving");
    await expect(held).toContainText(STATUS_URL);
    await expect(held).toContainText(INBOUND_URL);
    await expect(held).toContainText("Alicom-Queue-e2e-alpha-ChatAppStatus");
    await expect(held).not.toContainText("differs from what was sent");
    await expect(page.getByTestId("save-request-id")).not.toBeEmpty();
  });
  expect(await updateCount()).toBe(before + 1);
  saveRequest = getSave();
  expect(saveRequest, "the save action request was captured").toBeTruthy();

  const held = await sandboxNumber("e2e-alpha", phone);
  expect(held).toMatchObject({ statusCallbackUrl: STATUS_URL, upCallbackUrl: INBOUND_URL });
  expect(held.statusQueue).not.toBe("");

  await page.reload();
  await expect(page.getByLabel("Status-report callback URL")).toHaveValue(STATUS_URL);
  await expect(page.getByLabel("Inbound-message callback URL")).toHaveValue(INBOUND_URL);
  await expect(page.getByRole("switch", { name: "Receive by HTTP" })).toHaveAttribute("aria-checked", "true");
  await expect(page.getByRole("switch", { name: "Receive by queue" })).toHaveAttribute("aria-checked", "true");
  await expect(page.getByRole("button", { name: "Save to CAMS" })).toBeDisabled();

  await test.step("the Webhooks page lists the number with its settings and groups equal settings", async () => {
    await page.goto(`/s/${alphaId}/webhooks`);
    const row = page.getByTestId(`webhook-row-${phone}`);
    await expect(row.getByTestId("status-url")).toHaveText(STATUS_URL);
    await expect(row.getByTestId("inbound-url")).toHaveText(INBOUND_URL);
    await expect(row).toContainText("Unique");
    await expectAccessible(page, "webhooks page");
    // Give a second number the same settings: both then carry the same group chip.
    await page.goto(tab(alphaId, other));
    await page.getByLabel("Status-report callback URL").fill(STATUS_URL);
    await page.getByLabel("Inbound-message callback URL").fill(INBOUND_URL);
    for (const name of ["Receive by HTTP", "Receive by queue"]) {
      const sw = page.getByRole("switch", { name });
      if ((await sw.getAttribute("aria-checked")) !== "true") await sw.click();
    }
    await page.getByRole("button", { name: "Save to CAMS" }).click();
    await expect(page.getByTestId("held-values")).toContainText("Read back from CAMS after saving");
    await page.goto(`/s/${alphaId}/webhooks`);
    const chip = await page.getByTestId(`webhook-row-${phone}`).getByText(/^Group \d+ · 2$/).textContent();
    await expect(page.getByTestId(`webhook-row-${other}`).getByText(chip!)).toBeVisible();
    await page.getByRole("switch", { name: "Group numbers with the same settings" }).click();
    const groupIndex = chip!.match(/Group (\d+)/)![1];
    await expect(page.getByTestId(`webhook-group-${groupIndex}`)).toContainText("2 numbers with these settings");
    await expect(page.locator(`[data-testid^="webhook-row-"][data-group="${groupIndex}"]`)).toHaveCount(2);
  });

  await test.step("columns sort", async () => {
    await page.getByRole("button", { name: "Number" }).click();
    await expect(page.getByRole("columnheader", { name: "Number" })).toHaveAttribute("aria-sort", "descending");
    await page.getByRole("button", { name: "Status-report URL" }).click();
    await expect(page.getByRole("columnheader", { name: "Status-report URL" })).toHaveAttribute("aria-sort", "ascending");
  });
  await page.context().close();
});

test("an invalid URL gets a field message and nothing is sent to CAMS", async ({ browser }) => {
  const page = await pageAs(browser, OPERATOR);
  await page.goto(tab(alphaId, phone));
  const before = await updateCount();
  const form = page.getByRole("form", { name: "Callback settings" });
  await page.getByLabel("Status-report callback URL").fill("http://user:pw@hooks.e2e.test/x");
  await page.getByLabel("Inbound-message callback URL").fill("javascript:alert(1)");
  await page.getByRole("button", { name: "Save to CAMS" }).click();
  await expect(form.getByText("Remove the user name and password (user:password@) from the address.", { exact: false })).toBeVisible();
  await expect(form.getByText("Only http:// and https:// addresses can receive callbacks.")).toBeVisible();
  await expect(page.getByLabel("Status-report callback URL")).toHaveValue("http://user:pw@hooks.e2e.test/x");
  await expect(page.getByTestId("test-delivery")).toContainText("Correct the URL in the form above first.");
  await expect(page.getByRole("button", { name: "Send test event" })).toBeDisabled();

  await page.getByLabel("Status-report callback URL").fill("https://hooks.e2e.test/a b");
  await page.getByLabel("Inbound-message callback URL").fill("hooks.e2e.test/no-scheme");
  await page.getByRole("button", { name: "Save to CAMS" }).click();
  await expect(form.getByText("Remove spaces, line breaks and invisible characters from the address.")).toBeVisible();
  await expect(form.getByText("Enter a full address starting with https:// (or http://).")).toBeVisible();

  await test.step("HTTP on needs at least one URL", async () => {
    await page.getByLabel("Status-report callback URL").fill("");
    await page.getByLabel("Inbound-message callback URL").fill("");
    await page.getByRole("button", { name: "Save to CAMS" }).click();
    await expect(form.getByText("With “Receive by HTTP” on, enter at least one of the two URLs.")).toHaveCount(2);
  });

  await test.step("plain http is a warning, not an error", async () => {
    await page.getByLabel("Status-report callback URL").fill("http://hooks.e2e.test/plain");
    await expect(page.getByTestId("statusCallbackUrl-warning")).toContainText("Plain http");
  });
  expect(await updateCount()).toBe(before);
  await page.context().close();
});

test("a test event reaches a receiver on this machine's address only once an admin allows its network, without showing the body", async ({ browser }) => {
  const receiver: Receiver = await startReceiver();
  const admin = await pageAs(browser, "admin");
  const op = await pageAs(browser, OPERATOR);
  try {
    const target = `${receiver.url}/cams/status?run=${run}`;
    ownEntry = `${receiver.host}/32 ports ${receiver.port}`;
    // Another spec may have allowed this address on its own receiver's port: refused either way.
    const refusedHere = new RegExp(`Refused: ${receiver.host.replaceAll(".", "\\.")} is (a reserved or non-public address, outside the allowed private networks|in an allowed network, but not on port ${receiver.port})\\.`);
    await op.goto(tab(alphaId, phone));
    await op.getByLabel("Status-report callback URL").fill(target);
    await expect(op.getByTestId("statusCallbackUrl-warning")).toContainText("a reserved or non-public address");
    await expect(op.getByTestId("test-target")).toHaveText(target);

    await test.step("refused while the admin has not allowed it; nothing reaches the receiver", async () => {
      await op.getByRole("button", { name: "Send test event" }).click();
      await expect(op.getByTestId("test-refused")).toHaveText(refusedHere);
      expect(receiver.hits).toHaveLength(0);
    });

    await test.step("the admin's list refuses loopback at the field, then takes the receiver's address", async () => {
      await admin.goto("/settings/network");
      await expect(admin.getByTestId("networks-never")).toContainText("Loopback and link-local addresses are never allowed");
      const field = admin.getByLabel("Networks", { exact: true });
      await field.fill(`10.20.0.0/16\n127.0.0.0/8`);
      await admin.getByRole("button", { name: "Save networks" }).click();
      await expect(admin.getByText("Loopback addresses (127.0.0.0/8, ::1) are never allowed", { exact: false })).toBeVisible();
      await expect(admin.getByTestId("networks-issue-line")).toHaveText("Line 2: 127.0.0.0/8");
      await field.fill("169.254.0.0/16");
      await admin.getByRole("button", { name: "Save networks" }).click();
      await expect(admin.getByText("Link-local addresses (169.254.0.0/16, fe80::/10) are never allowed", { exact: false })).toBeVisible();
      await field.fill(`${receiver.host}/33`);
      await expect(admin.getByText("Add the prefix length after the address", { exact: false })).toBeVisible();
      await expectAccessible(admin, "allowed networks with a field error");
      const getSave = captureAction(admin, ownEntry);
      await editAllowedNetworks(admin, (lines) => [...lines, ownEntry]);
      await expect(admin.getByTestId("networks-count")).toHaveText(/^\d+ networks? allowed\.$/);
      networksRequest = getSave();
      replayedEntry = ownEntry;
      expect(networksRequest, "the save action request was captured").toBeTruthy();
      await admin.reload();
      await expect(field).toHaveValue(new RegExp(`(^|\\n)${ownEntry.replaceAll(".", "\\.")}($|\\n)`));
    });

    await test.step("delivered now: status and time are shown, the answer's body is not", async () => {
      await op.getByRole("button", { name: "Send test event" }).click();
      const result = op.getByTestId("test-result");
      await expect(result).toContainText("The receiver answered 200.");
      await expect(op.getByTestId("test-status")).toHaveText("200");
      await expect(op.getByTestId("test-duration")).toHaveText(/^\d+ ms$/);
      await expect(op.getByTestId("test-answer-hidden")).toHaveText("The answer came from a private address: only its status and the time taken are shown.");
      await expect(op.getByTestId("test-answer")).toHaveCount(0);
      await expect(result).not.toContainText("e2e-receiver");
      expect(receiver.hits).toHaveLength(1);
      expect(receiver.hits[0]!.path).toBe(`/cams/status?run=${run}`);
      expect(receiver.hits[0]!.headers["x-cams-admin-test"]).toBe("1");
      const events = JSON.parse(receiver.hits[0]!.body) as Record<string, unknown>[];
      expect(events[0]).toMatchObject({ Status: "Delivered", From: phone });
      await expectAccessible(op, "webhook tab with a test result");
    });

    await test.step("an inbound sample goes to the inbound URL", async () => {
      await op.getByLabel("Inbound-message callback URL").fill(`${receiver.url}/cams/inbound`);
      await op.getByLabel("Inbound message, to the inbound-message URL").check();
      await op.getByRole("button", { name: "Send test event" }).click();
      await expect(op.getByTestId("test-status")).toHaveText("200");
      expect(receiver.hits).toHaveLength(2);
      expect(JSON.parse(receiver.hits[1]!.body)[0]).toMatchObject({ To: phone, Type: "TEXT" });
      await op.getByLabel("Status report, to the status-report URL").check();
    });

    await test.step("an entry with other ports refuses the receiver's port", async () => {
      const otherPort = receiver.port === 65535 ? 1 : receiver.port + 1;
      const narrowed = `${receiver.host}/32 ports ${otherPort}`;
      await editAllowedNetworks(admin, (lines) => lines.map((l) => (l === ownEntry ? narrowed : l)));
      ownEntry = narrowed;
      await op.getByRole("button", { name: "Send test event" }).click();
      await expect(op.getByTestId("test-refused")).toContainText(`Refused: ${receiver.host} is in an allowed network, but not on port ${receiver.port}.`);
      expect(receiver.hits).toHaveLength(2);
    });

    await test.step("with its entry removed the receiver is refused; loopback is refused as never allowed", async () => {
      await editAllowedNetworks(admin, (lines) => lines.filter((l) => l !== ownEntry));
      await op.getByRole("button", { name: "Send test event" }).click();
      await expect(op.getByTestId("test-refused")).toHaveText(refusedHere);
      await op.getByLabel("Status-report callback URL").fill(`http://127.0.0.1:${receiver.port}/cams/status`);
      await op.getByRole("button", { name: "Send test event" }).click();
      await expect(op.getByTestId("test-refused")).toContainText("Refused: 127.0.0.1 is a loopback address (this machine). Test deliveries never go there.");
      // The same for an encoded form of the address.
      await op.getByLabel("Status-report callback URL").fill(`http://2130706433:${receiver.port}/cams/status`);
      await op.getByRole("button", { name: "Send test event" }).click();
      await expect(op.getByTestId("test-refused")).toContainText("is a loopback address");
      expect(receiver.hits).toHaveLength(2);
    });
    // Nothing of this was saved to CAMS.
    expect((await sandboxNumber("e2e-alpha", phone)).statusCallbackUrl).toBe(STATUS_URL);
  } finally {
    await receiver.close();
    await admin.context().close();
    await op.context().close();
  }
});

test("a viewer reads but has no change buttons, and a replayed save is refused", async ({ browser }) => {
  const v = await pageAs(browser, VIEWER);
  await v.goto(tab(alphaId, phone));
  await expect(v.getByLabel("Status-report callback URL")).toHaveValue(STATUS_URL);
  await expect(v.getByLabel("Status-report callback URL")).toHaveAttribute("readonly", "");
  await expect(v.getByRole("switch", { name: "Receive by HTTP" })).toBeDisabled();
  await expect(v.getByRole("button", { name: "Save to CAMS" })).toHaveCount(0);
  await expect(v.getByRole("button", { name: "Send test event" })).toHaveCount(0);
  await expect(v.getByText("You can view these settings.", { exact: false })).toBeVisible();
  await v.goto(`/s/${alphaId}/webhooks`);
  await expect(v.getByTestId(`webhook-row-${phone}`)).toBeVisible();

  const before = await updateCount();
  const text = await replayAction(v, saveRequest!);
  expect(text).toContain("You do not have permission to do that in this space.");
  expect(await updateCount()).toBe(before);
  await v.context().close();
});

test("an operator cannot change the allowed networks", async ({ browser }) => {
  const op = await pageAs(browser, OPERATOR);
  await op.goto("/settings/network");
  await expect(op.getByText("Only administrators can change these settings.")).toBeVisible();
  await expect(op.getByLabel("Networks", { exact: true })).toHaveCount(0);
  const text = await replayAction(op, networksRequest!);
  expect(text).toContain("Only administrators can do that.");
  await op.context().close();

  // The replayed list (with the first test's entry) was not stored.
  const admin = await pageAs(browser, "admin");
  await admin.goto("/settings/network");
  await expect(admin.getByLabel("Networks", { exact: true })).toBeVisible();
  expect(await admin.getByLabel("Networks", { exact: true }).inputValue()).not.toContain(replayedEntry);
  await admin.context().close();
});

test("space settings: the space-level webhook is sent with UpdateAccountWebhook", async ({ browser }) => {
  const page = await pageAs(browser, OPERATOR);
  await page.goto(`/s/${alphaId}/webhooks`);
  await page.getByRole("link", { name: "Space-level webhook" }).click();
  await expect(page.getByRole("heading", { name: "Space settings" })).toBeVisible();
  await expect(page.getByTestId("account-webhook-provenance")).toContainText("Not saved from CAMS Admin yet.");
  await expectAccessible(page, "space settings");

  const url = `https://hooks.e2e.test/cams/${run}/space`;
  await page.getByRole("switch", { name: "Receive by HTTP" }).click();
  await page.getByRole("button", { name: "Save to CAMS" }).click();
  await expect(page.getByText("With “Receive by HTTP” on, enter the status-report URL.")).toBeVisible();
  await page.getByLabel("Status-report callback URL").fill(url);
  await page.getByRole("button", { name: "Save to CAMS" }).click();
  await expect(page.getByText("Saved to CAMS.")).toBeVisible();
  expect((await sandboxSpace("e2e-alpha")).accountWebhook).toEqual({ statusCallbackUrl: url, httpFlag: "Y", queueFlag: "N" });

  await page.reload();
  await expect(page.getByLabel("Status-report callback URL")).toHaveValue(url);
  await expect(page.getByTestId("account-webhook-provenance")).toContainText("Last saved by operator@e2e.test");
  await page.context().close();

  const v = await pageAs(browser, VIEWER);
  await v.goto(`/s/${alphaId}/space-settings`);
  await expect(v.getByLabel("Status-report callback URL")).toHaveValue(url);
  await expect(v.getByRole("button", { name: "Save to CAMS" })).toHaveCount(0);
  await v.context().close();
});

test("unsaved edits: a tab change asks first; Keep editing keeps them, Discard leaves; closing the page asks too", async ({ browser }) => {
  const page = await pageAs(browser, OPERATOR);
  const sentBefore = await updateCount();
  await page.goto(tab(alphaId, phone));
  const status = page.getByLabel("Status-report callback URL");
  const held = await status.inputValue();
  const typed = `https://hooks.e2e.test/cams/${run}/unsaved`;
  await status.fill(typed);

  const tabs = page.getByRole("navigation", { name: "Number sections" });
  const ask = page.getByRole("alertdialog", { name: "Discard unsaved changes?" });
  await tabs.getByRole("link", { name: "Overview" }).click();
  await expect(ask).toBeVisible();
  await expectAccessible(page, "unsaved-changes dialog");
  await ask.getByRole("button", { name: "Keep editing" }).click();
  await expect(ask).toBeHidden();
  await expect(page).toHaveURL(new RegExp(`${tab(alphaId, phone)}$`));
  await expect(status).toHaveValue(typed);

  await tabs.getByRole("link", { name: "QR codes" }).click();
  await ask.getByRole("button", { name: "Discard changes" }).click();
  await expect(page).toHaveURL(new RegExp(`/phone-numbers/${phone}/qr-codes$`));

  // Nothing was sent; back on the tab the form shows what CAMS holds, and a clean form lets tabs go.
  await tabs.getByRole("link", { name: "Webhook" }).click();
  await expect(status).toHaveValue(held);
  expect(await updateCount()).toBe(sentBefore);

  await status.click();
  await status.pressSequentially("x");
  const prompt = page.waitForEvent("dialog");
  await page.close({ runBeforeUnload: true });
  const dialog = await prompt;
  expect(dialog.type()).toBe("beforeunload");
  await dialog.accept();
  await page.context().close();
});

test("Chinese field messages", async ({ browser }) => {
  const page = await pageAs(browser, OPERATOR);
  await chooseInUserMenu(page, "Language", "简体中文");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  try {
    await page.goto(tab(alphaId, phone));
    await page.getByLabel("状态回执回调地址").fill("ftp://hooks.e2e.test/x");
    await page.getByRole("button", { name: "保存到 CAMS" }).click();
    await expect(page.getByText("只有 http:// 和 https:// 地址可以接收回调。")).toBeVisible();
    await expectAccessible(page, "webhook tab zh-CN");
  } finally {
    await chooseInUserMenu(page, "语言", "English");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await page.context().close();
  }
});
