import fs from "node:fs";
import { expect, test } from "./helpers/test";
import { signIn, signInAsAdmin } from "./helpers/auth";
import { expectAccessible } from "./helpers/axe";

test("admins read, filter and export the audit log; operators see their spaces; viewers see none", async ({ page, browser }) => {
  await signInAsAdmin(page);
  await page.goto("/audit");
  await expect(page.getByRole("heading", { name: "Audit log" })).toBeVisible();
  await expect(page.getByTestId("audit-row").first()).toBeVisible();
  await expectAccessible(page, "audit");

  await page.getByLabel("Operation").selectOption("spaces.create");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/operation=spaces.create/);
  const rows = page.getByTestId("audit-row");
  await expect(rows.first()).toContainText("spaces.create");
  expect(await rows.filter({ hasNotText: "spaces.create" }).count()).toBe(0);

  await rows.filter({ hasText: "e2e-alpha" }).first().getByRole("button", { name: /Details/ }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText("Input (redacted)");
  await expect(dialog).toContainText('"custSpaceId": "e2e-alpha"');
  await page.keyboard.press("Escape");

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const csv = fs.readFileSync(await (await download).path(), "utf8");
  expect(csv.split("\r\n")[0]).toBe("id,at,user,space,operation,target,outcome,error_code,request_id,duration_ms,input");
  expect(csv).toContain("spaces.create");
  expect(csv).not.toContain("users.create");

  await page.getByLabel("Operation").selectOption("");
  await page.getByLabel("Outcome").selectOption("denied");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page.getByTestId("audit-row").first()).toContainText("refused");

  const viewerContext = await browser.newContext();
  const viewer = await viewerContext.newPage();
  await signIn(viewer, "viewer@e2e.test", "viewer-pass-12");
  await viewer.goto("/audit");
  await expect(viewer.getByText("No audit log for you")).toBeVisible();
  expect((await viewer.request.get("/api/audit/export")).status()).toBe(403);
  await viewerContext.close();
});
