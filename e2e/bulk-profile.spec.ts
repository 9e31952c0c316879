import { expect, test, keepScreenshot } from "./helpers/test";
import { signInAsAdmin } from "./helpers/auth";
import { expectAccessible } from "./helpers/axe";
import { ensureSandboxSpace, linkSpace } from "./helpers/keys";
import { sandbox, sandboxCalls } from "./helpers/sandbox";

/**
 * A bulk business-profile change (one website and a description) over numbers of two spaces of
 * this spec's own: only the chosen fields are sent, every number holds them, the rest is as it was.
 */
const SPACE = { custSpaceId: "e2e-bprof-1", name: "E2E Bulk Profile One" };
const SPACE2 = { custSpaceId: "e2e-bprof-2", name: "E2E Bulk Profile Two" };

type Held = Record<string, unknown> & { About: string; Description: string; Websites: string[] };
type SandboxSpace = { phoneNumbers: { phoneNumber: string; profile: Held }[] };
const numbersOf = async (cust: string) => (await sandbox<SandboxSpace>("GET", `spaces/${cust}`)).phoneNumbers;

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ browser }) => {
  await ensureSandboxSpace(SPACE.custSpaceId, SPACE.name, 3);
  await ensureSandboxSpace(SPACE2.custSpaceId, SPACE2.name, 2);
  const page = await (await browser.newContext()).newPage();
  await signInAsAdmin(page);
  await linkSpace(page, SPACE.name, SPACE.custSpaceId);
  await linkSpace(page, SPACE2.name, SPACE2.custSpaceId);
  await page.context().close();
});

test("a bulk profile change over two spaces: one website and a description on every number, the Profile tab reads them back", async ({ page }) => {
  test.setTimeout(120_000);
  const before = new Map([...(await numbersOf(SPACE.custSpaceId)), ...(await numbersOf(SPACE2.custSpaceId))].map((n) => [n.phoneNumber, n.profile]));
  expect(before.size).toBe(5);
  const description = "Bulk-set description — 批量设置的描述.";
  const website = "https://shop.e2e-bulk.test/";

  await signInAsAdmin(page);
  await page.goto("/bulk/new");
  await expect(page.getByRole("heading", { name: "New bulk operation", level: 1 })).toBeVisible();
  for (const s of [SPACE, SPACE2]) await page.getByRole("checkbox", { name: new RegExp(`^${s.name}`) }).check();
  await expect(page.getByTestId("wizard-chosen")).toHaveText("5 numbers chosen");
  await page.getByRole("button", { name: "Next" }).click();

  await test.step("change: tick the fields, then fill them in with the Profile tab's counted fields", async () => {
    await page.getByRole("radio", { name: /^Business profile/ }).check();
    await page.getByRole("button", { name: "Next" }).click();
    await expect(page.getByText("Tick at least one field to set.")).toBeVisible();
    await page.getByRole("checkbox", { name: "Set Description" }).check();
    await page.getByRole("checkbox", { name: "Set Websites" }).check();
    await expect(page.getByText("Tick at least one field to set.")).toHaveCount(0);
    await page.getByLabel("Description", { exact: true }).fill(description);
    await expect(page.getByTestId("counter-description-count")).toHaveText(`${[...description].length} / 512`);
    await page.getByLabel("Website 1").fill(website);
    // Only ticked fields have inputs: About is not offered, so it cannot be sent by mistake.
    await expect(page.getByLabel("About", { exact: true })).toHaveCount(0);
    await expectAccessible(page, "bulk wizard, profile");
    await keepScreenshot(page, "bulk-profile.png", { fullPage: true });
    await page.getByRole("button", { name: "Next" }).click();
  });

  await test.step("review: exactly the chosen fields, the rest unchanged", async () => {
    await expect(page.getByTestId("review-total")).toHaveText("5");
    const change = page.getByTestId("job-change");
    await expect(change).toContainText(description);
    await expect(change).toContainText(website);
    await expect(change).toContainText("unchanged: each number keeps its own");
    await expect(change).not.toContainText("About");
    await page.getByRole("button", { name: "Start the job" }).click();
  });

  await expect(page).toHaveURL(/\/bulk\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Business profile on 5 numbers");
  await expect(page.getByTestId("job-progress")).toHaveAttribute("aria-valuenow", "100", { timeout: 30_000 });
  await expect(page.getByTestId("count-ok")).toHaveText("5");
  await expect(page.getByTestId("job-change")).toContainText(description);

  const after = [...(await numbersOf(SPACE.custSpaceId)), ...(await numbersOf(SPACE2.custSpaceId))];
  for (const n of after) expect(n.profile).toEqual({ ...before.get(n.phoneNumber), Description: description, Websites: [website] });
  expect((await sandboxCalls(SPACE.custSpaceId)).byAction.ModifyPhoneBusinessProfile).toBe(3);

  await test.step("a number's Profile tab shows the new values", async () => {
    const phone = after[0]!.phoneNumber;
    await page.getByTestId(`item-${phone}`).getByRole("link").click();
    await expect(page).toHaveURL(new RegExp(`/phone-numbers/${phone}/profile$`));
    await expect(page.getByRole("heading", { name: "Business profile" })).toBeVisible();
    await expect(page.getByLabel("Description")).toHaveValue(description);
    await expect(page.getByLabel("Website 1")).toHaveValue(website);
    await expect(page.getByLabel("About", { exact: true })).toHaveValue(before.get(phone)!.About);
  });

  await test.step("the Profile tab's link starts a profile job with the number's space chosen", async () => {
    await page.getByRole("link", { name: "Change the profile of many numbers" }).click();
    await expect(page).toHaveURL(/\/bulk\/new\?kind=profile&spaces=/);
    await expect(page.getByTestId("wizard-chosen")).toHaveText("3 numbers chosen");
    await page.getByRole("button", { name: "Next" }).click();
    await expect(page.getByRole("radio", { name: /^Business profile/ })).toBeChecked();
  });
});
