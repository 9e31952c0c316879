import { expect, scanFrom, test } from "./helpers/test";
import { signInAsAdmin } from "./helpers/auth";
import { E2E } from "./helpers/env";
import { appLog, occurrences } from "./helpers/secrets";
import { sandbox } from "./helpers/sandbox";

test("an admin adds a custom account on a second sandbox, tests it, links a space and reaches its numbers", async ({ page }) => {
  const scanned = scanFrom();
  const endpoint = new URL(E2E.sandbox2Url).host;
  await sandbox("POST", "spaces", { custSpaceId: "custom-space-2", name: "Custom 2", numbers: 3 }, E2E.sandbox2Url);
  await signInAsAdmin(page);

  await test.step("a wrong secret gives the explained CAMS error with its request id", async () => {
    await page.goto("/settings/accounts");
    await page.getByRole("button", { name: "Add account" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Name").fill("Wrong key");
    await dialog.getByLabel("AccessKey ID").fill(E2E.sandbox2KeyId);
    await dialog.getByLabel("AccessKey secret").fill("definitely-not-the-secret");
    await dialog.getByLabel("Endpoint").fill(endpoint);
    await dialog.getByLabel("Protocol").selectOption("HTTP");
    await dialog.getByRole("button", { name: "Add account" }).click();
    await expect(dialog).toBeHidden();
    await page.getByTestId("account-row-Wrong key").getByRole("button", { name: "Test connection" }).click();
    const toast = page.locator("[data-sonner-toast]").filter({ hasText: "SignatureDoesNotMatch" });
    await expect(toast).toBeVisible();
    await expect(toast).toContainText("Request ID");
  });

  await test.step("the right secret connects", async () => {
    await page.getByRole("button", { name: "Edit: Wrong key" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Name").fill("Second sandbox");
    await dialog.getByLabel("AccessKey secret").fill(E2E.sandbox2Secret);
    await dialog.getByRole("button", { name: "Save" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId("account-row-Second sandbox")).toContainText("Stored, encrypted");
  });

  await test.step("link a space to it; the connection test sees its numbers", async () => {
    await page.goto("/settings/spaces");
    await page.getByRole("button", { name: "Add space" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Name").fill("Custom Two");
    await dialog.getByLabel("CustSpaceId").fill("custom-space-2");
    await dialog.getByLabel("Cloud account").selectOption({ label: "Second sandbox" });
    await dialog.getByRole("button", { name: "Add space" }).click();
    await expect(page.getByTestId("space-row-custom-space-2")).toContainText("Second sandbox");
    await page.goto("/settings/accounts");
    await page.getByTestId("account-row-Second sandbox").getByRole("button", { name: "Test connection" }).click();
    await expect(page.locator("[data-sonner-toast]").filter({ hasText: "Connected" })).toContainText("3 numbers visible");
  });

  // The secret was typed into the browser, so requests carry it; no response ever does.
  expect(scanned(), "secrets in responses").toEqual([]);
  expect(occurrences([appLog()], E2E.sandbox2Secret)).toBe(0);
});
