import { signInAsAdmin } from "./helpers/auth";
import { expectAccessible } from "./helpers/axe";
import { E2E } from "./helpers/env";
import { linkSpace } from "./helpers/keys";
import { ensureSandboxSpace } from "./helpers/qr";
import { sandbox } from "./helpers/sandbox";
import { expect, test, keepScreenshot } from "./helpers/test";

/**
 * A number's history as a user meets it: changes made by CAMS and outside the console (here:
 * through the sandbox's control API) appear after a refresh with their source; a change made in
 * the console is the console's, with the person and a link to its audit event; the space's feed
 * filters by source and exports CSV.
 */
test.describe.configure({ mode: "serial" });

const SPACE = { custSpaceId: "e2e-history", name: "E2E History" };
const DRIFT_URL = "https://other-tool.example/status";
const OWN_URL = "https://console.example/inbound";
let spaceId = "";
let phone = "";

test.beforeAll(async () => {
  phone = (await ensureSandboxSpace(SPACE.custSpaceId, SPACE.name, 2))[0]!.phoneNumber;
});

test("changes by CAMS and outside the console show in the number's History tab with their source", async ({ page }) => {
  await signInAsAdmin(page);
  spaceId = await linkSpace(page, SPACE.name, SPACE.custSpaceId);
  await page.goto(`/s/${spaceId}/phone-numbers`);
  // The first observation of the space is the history's starting point.
  await expect(page.getByTestId(`phone-row-${phone}`)).toContainText("Connected");
  await page.goto(`/s/${spaceId}/phone-numbers/${phone}/history`);
  await expect(page.getByText("No changes recorded")).toBeVisible();

  await sandbox("PATCH", `numbers/${phone}`, { QualityRating: "RED", StatusCallbackUrl: DRIFT_URL });
  await page.goto(`/s/${spaceId}/phone-numbers`);
  await page.getByTestId("refresh-now").click();
  await expect(page.getByTestId(`phone-row-${phone}`)).toContainText("Low");

  await page.goto(`/s/${spaceId}/phone-numbers/${phone}/history`);
  const quality = page.locator('[data-testid="history-row"][data-field="qualityRating"]');
  await expect(quality).toHaveAttribute("data-source", "cams");
  await expect(quality).toContainText("CAMS / WhatsApp");
  const drift = page.locator('[data-testid="history-row"][data-field="statusCallbackUrl"]');
  await expect(drift).toContainText("Outside the console");
  await expect(drift).toContainText(DRIFT_URL);
  await expectAccessible(page, "number history tab");

  await test.step("the bell counts the alerts and opens the number's history", async () => {
    await expect(page.getByTestId("notification-count")).toBeVisible();
    await page.getByTestId("notification-bell").click();
    const alert = page.locator('[data-testid="notification"][data-kind="qualityDropped"]').first();
    await expect(alert).toContainText("Quality dropped");
    await expect(page.locator('[data-testid="notification"][data-kind="drift"]').first()).toContainText("Changed outside the console");
    await keepScreenshot(page, "bell.png");
    await alert.click();
    await expect(page).toHaveURL(new RegExp(`/phone-numbers/${phone}/history$`));
  });
});

test("an admin turns an alert rule off for every space and back on; it is audited", async ({ page }) => {
  await signInAsAdmin(page);
  await page.goto("/settings/alerts");
  const rule = page.getByTestId("alert-rule-tierChanged");
  const everySpace = rule.getByRole("switch", { name: /Every space/ });
  await expect(everySpace).toHaveAttribute("aria-checked", "true");
  await expectAccessible(page, "alert rules");
  await everySpace.click();
  await expect(page.getByText("Alert rule saved.")).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("alert-rule-tierChanged").getByRole("switch", { name: /Every space/ })).toHaveAttribute("aria-checked", "false");
  await page.getByTestId("alert-rule-tierChanged").getByRole("switch", { name: /Every space/ }).click();
  await expect(page.getByTestId("alert-rule-tierChanged").getByRole("switch", { name: /Every space/ })).toHaveAttribute("aria-checked", "true");
  await page.goto("/audit?operation=alerts.setRule");
  await expect(page.getByTestId("audit-row").first()).toHaveAttribute("data-operation", "alerts.setRule");
});

test("a change made here is the console's, with the person and its audit event", async ({ page }) => {
  await signInAsAdmin(page);
  await page.goto(`/s/${spaceId}/phone-numbers/${phone}/webhook`);
  await page.getByLabel("Inbound-message callback URL").fill(OWN_URL);
  await page.getByRole("button", { name: "Save to CAMS" }).click();
  await expect(page.getByTestId("held-values")).toContainText(OWN_URL);

  await page.getByTestId("number-tabs").getByRole("link", { name: "History" }).click();
  const own = page.locator('[data-testid="history-row"][data-field="upCallbackUrl"]');
  await expect(own).toHaveAttribute("data-source", "console");
  await expect(own).toContainText("This console");
  await expect(own).toContainText(E2E.admin.email);
  await expect(own).toContainText(OWN_URL);
  await keepScreenshot(page, "number-history.png", { fullPage: true });
  await own.getByRole("link", { name: "Audit event" }).click();
  await expect(page).toHaveURL(/\/audit\?/);
  const first = page.getByTestId("audit-row").first();
  await expect(first).toHaveAttribute("data-operation", "webhooks.updatePhone");
  await expect(first).toHaveAttribute("data-target", phone);
});

test("the space's feed filters by source, and exports what it shows as CSV", async ({ page }) => {
  await signInAsAdmin(page);
  await page.goto(`/s/${spaceId}/history`);
  await expect(page.getByRole("heading", { level: 1, name: "History" })).toBeVisible();
  // CAMS's quality change, the drift, and the console's own change (its URL and queue fields).
  await expect(page.locator('[data-testid="history-row"][data-source="console"]').first()).toBeVisible();
  expect(await page.locator('[data-testid="history-row"]').count()).toBeGreaterThanOrEqual(3);
  await page.getByLabel("Source").selectOption({ label: "Outside the console" });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/source=outside/);
  await expect(page.locator('[data-testid="history-row"]')).toHaveCount(1);
  await expect(page.locator('[data-testid="history-row"]')).toContainText(DRIFT_URL);
  await expectAccessible(page, "space history feed");

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export CSV" }).click()]);
  const csv = await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString("utf8"));
  const lines = csv.trim().split("\r\n");
  expect(lines[0]).toContain("field,old_value,new_value,source");
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain('"statusCallbackUrl"');
  expect(lines[1]).toContain('"outside"');

  // Across every space: the same change, with its space named.
  await page.goto(`/s/all/history?source=outside&phone=${phone}`);
  await expect(page.locator('[data-testid="history-row"]')).toHaveCount(1);
  await expect(page.locator('[data-testid="history-row"]')).toContainText(SPACE.name);
});

test("a QR code made outside the console shows in History after Refresh now, and the list counts the number's changes", async ({ page }) => {
  await signInAsAdmin(page);
  // The number's QR list is read once (its starting point: nothing recorded for it).
  await page.goto(`/s/${spaceId}/phone-numbers/${phone}/qr-codes`);
  await expect(page.getByTestId("as-of")).toContainText(/As of/);
  const message = `Made elsewhere ${Date.now().toString(36)}`;
  // Outside the console: the code is made in CAMS (the sandbox's control API), not through the app.
  const made = await sandbox<{ qrdlCode: string }>("POST", `numbers/${phone}/qr-codes`, { prefilledMessage: message });
  await page.getByTestId("refresh-now").click();
  await expect(page.getByTestId("qr-cards")).toContainText(message);

  await page.getByTestId("number-tabs").getByRole("link", { name: "History" }).click();
  const qr = page.locator('[data-testid="history-row"][data-field="qrCode"]');
  await expect(qr).toHaveCount(1);
  await expect(qr).toHaveAttribute("data-source", "outside");
  await expect(qr).toContainText("QR code");
  await expect(qr).toContainText("Outside the console");
  await expect(qr).toContainText(`${made.qrdlCode}: ${message}`);

  // The phone list counts the number's changes of the last 7 days and links to its History tab.
  await page.goto(`/s/${spaceId}/phone-numbers`);
  const count = page.getByTestId(`phone-row-${phone}`).getByTestId("changes-7d");
  // Quality and the drifted URL (first test), the console's URL and queue fields, and the QR code.
  await expect(count).toHaveAttribute("data-count", /^[4-9]$/);
  await expect(page.getByRole("columnheader", { name: "Changes (7 d)" })).toBeVisible();
  await expectAccessible(page, "phone list with changes");
  const shown = (await count.getAttribute("data-count"))!;
  await count.click();
  await expect(page).toHaveURL(new RegExp(`/phone-numbers/${phone}/history$`));
  await expect(page.locator('[data-testid="history-row"][data-field="qrCode"]')).toHaveCount(1);
  // Across spaces the same count.
  await page.goto(`/s/all/phone-numbers?q=${phone}`);
  await expect(page.getByTestId(`phone-row-${phone}`).getByTestId("changes-7d")).toHaveAttribute("data-count", shown);
});

test("a health check that can send less shows in History in words, and raises 'Health degraded'", async ({ page }) => {
  await signInAsAdmin(page);
  await page.goto(`/s/${spaceId}/phone-numbers/${phone}`);
  const panel = page.getByTestId("health-panel");
  // The stored (or first) reading is the starting point.
  await expect(panel.getByTestId("health-badge").first()).toHaveAttribute("data-health", "AVAILABLE");
  await sandbox("PUT", `numbers/${phone}/health`, { canSendMessage: "BLOCKED" });
  try {
    await panel.getByRole("button", { name: "Check now" }).click();
    await expect(panel.getByTestId("health-badge").first()).toHaveAttribute("data-health", "BLOCKED");

    await page.getByTestId("number-tabs").getByRole("link", { name: "History" }).click();
    const row = page.locator('[data-testid="history-row"][data-field="health"]');
    await expect(row).toHaveCount(1);
    await expect(row).toHaveAttribute("data-source", "cams");
    // The values in words (and colour), not CAMS's raw AVAILABLE / BLOCKED.
    await expect(row).toContainText("Available");
    await expect(row).toContainText("Blocked");
    await expect(row).not.toContainText("BLOCKED");

    // The bell polls every 30 s; a reload reads it now.
    await page.reload();
    await page.getByTestId("notification-bell").click();
    await expect(page.locator('[data-testid="notification"][data-kind="healthDegraded"]').first()).toContainText("Health degraded");
  } finally {
    await sandbox("DELETE", `numbers/${phone}/health`);
  }
});
