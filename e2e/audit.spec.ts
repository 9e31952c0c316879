import fs from "node:fs";
import { formatPhoneNumber } from "../lib/phone";
import { expect, test } from "./helpers/test";
import { signIn, signInAsAdmin } from "./helpers/auth";
import { expectAccessible } from "./helpers/axe";
import { E2E } from "./helpers/env";
import { alphaInSandbox, spaceIdOf } from "./helpers/webhooks";

// "2026-12-01 20:48:09 UTC+8": one format, with the zone, in the table and in the details.
const TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC([+-]\d{1,2}(:\d{2})?)?$/;

test("admins read, filter and export the audit log; operators see their spaces; viewers see none", async ({ page, browser }) => {
  await signInAsAdmin(page);
  await page.goto("/audit");
  await expect(page.getByRole("heading", { name: "Audit log" })).toBeVisible();
  await expect(page.getByTestId("audit-row").first()).toBeVisible();
  await expectAccessible(page, "audit");

  // The menu names operations; the URL keeps the key.
  const menu = page.getByLabel("Operation");
  await menu.selectOption({ label: "Add space" });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/operation=spaces.create/);
  await expect(menu.locator("option:checked")).toHaveText("Add space");
  const rows = page.getByTestId("audit-row");
  await expect(rows.first()).toContainText("Add space");
  // Polled: the filtered page replaces the rows a moment after the URL changes, and with specs
  // running beside this one the newest event of the unfiltered log may be an "Add space" too.
  await expect(rows.filter({ hasNotText: "Add space" })).toHaveCount(0);
  await expect(page.getByRole("table")).not.toContainText("spaces.create");

  // foundation.spec also tried to add e2e-alpha twice: that attempt is listed as refused.
  await expect(rows.filter({ hasText: "e2e-alpha" }).filter({ hasText: "Refused" }).first()).toContainText("UniqueViolation");
  const row = rows.filter({ hasText: "e2e-alpha" }).filter({ hasText: "Succeeded" }).first();
  await expect(row).toBeVisible();
  const when = (await row.locator("time").textContent()) ?? "";
  expect(when).toMatch(TIME);
  await row.getByRole("button", { name: /Details/ }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByRole("heading")).toHaveText(/^Add space #\d+$/);
  await expect(dialog.locator("time")).toHaveText(when);
  await expect(dialog).toContainText("Succeeded");
  await expect(dialog).not.toContainText(/\bok\b/);
  await expect(dialog).toContainText("Input (redacted)");
  await expect(dialog).toContainText('"custSpaceId": "e2e-alpha"');
  await page.keyboard.press("Escape");

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const csv = fs.readFileSync(await (await download).path(), "utf8");
  expect(csv.split("\r\n")[0]).toBe("id,at,user,space,operation,operation_label,target,outcome,error_code,request_id,duration_ms,client_address,input");
  expect(csv).toContain('"spaces.create","Add space"');
  expect(csv).not.toContain("users.create");

  await menu.selectOption("");
  await page.getByLabel("Outcome").selectOption("denied");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page.getByTestId("audit-row").first()).toContainText("Refused");

  const viewerContext = await browser.newContext();
  const viewer = await viewerContext.newPage();
  await signIn(viewer, "viewer@e2e.test", "viewer-pass-12");
  await viewer.goto("/audit");
  await expect(viewer.getByText("No audit log for you")).toBeVisible();
  expect((await viewer.request.get("/api/audit/export")).status()).toBe(403);
  await viewerContext.close();
});

test("a number as target is formatted and links to its page; in Chinese, in the reader's zone, nothing is left in English", async ({ browser }) => {
  const phone = (await alphaInSandbox()).phoneNumbers[0]!.phoneNumber;
  const context = await browser.newContext({ timezoneId: "Asia/Shanghai" });
  const page = await context.newPage();
  await signInAsAdmin(page);
  const alphaId = await spaceIdOf(page, "e2e-alpha");

  // A test delivery to a loopback address: refused (no CAMS change), audited with the number as target.
  await page.goto(`/s/${alphaId}/phone-numbers/${phone}/webhook`);
  await page.getByLabel("Status-report callback URL").fill("http://127.0.0.1:9/audit-e2e");
  await page.getByRole("button", { name: "Send test event" }).click();
  await expect(page.getByTestId("test-delivery")).toContainText("Refused:");
  await page.getByRole("button", { name: "Undo changes" }).click();

  await context.addCookies([{ name: "NEXT_LOCALE", value: "zh-CN", url: E2E.baseUrl }]);
  await page.goto("/audit?operation=webhooks.testDelivery");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  const row = page.getByTestId("audit-row").first();
  await expect(row).toContainText("发送测试回调事件");
  await expect(row).toContainText("失败");
  // Rendered in UTC on the server, in the browser's zone once hydrated.
  await expect(row.locator("time")).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC\+8$/);
  const time = (await row.locator("time").textContent()) ?? "";
  await expect(page.getByLabel("操作").locator("option:checked")).toHaveText("发送测试回调事件");
  await expect(page.getByRole("table")).not.toContainText(/webhooks\.testDelivery|succeeded|failed/i);
  await expectAccessible(page, "audit zh-CN");

  await row.getByRole("button", { name: /详情/ }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByRole("heading")).toHaveText(/^发送测试回调事件 #\d+$/);
  await expect(dialog.locator("time")).toHaveText(time);
  await expect(dialog).toContainText("失败");
  await dialog.getByRole("link", { name: formatPhoneNumber(phone) }).click();
  await expect(page).toHaveURL(new RegExp(`/s/${alphaId}/phone-numbers/${phone}$`));
  await context.close();
});
