import type { Page } from "@playwright/test";
import { expect, test, keepScreenshot } from "./helpers/test";
import { signInAsAdmin } from "./helpers/auth";
import { expectAccessible } from "./helpers/axe";
import { spaceIds } from "./helpers/phone-numbers";
import { sandbox, sandboxCalls } from "./helpers/sandbox";
import { png } from "../server/sandbox/test-images";

/**
 * A number's business profile (with a picture uploaded through the sandbox's OSS) and its health,
 * in two sandbox spaces of this spec's own.
 */
const SPACES = [
  { custSpaceId: "e2e-profile-1", name: "E2E Profile One" },
  { custSpaceId: "e2e-profile-2", name: "E2E Profile Two" },
];
type SandboxSpace = { phoneNumbers: { phoneNumber: string; profile: Record<string, unknown> }[] };
const sandboxNumbers = async (cust: string) => (await sandbox<SandboxSpace>("GET", `spaces/${cust}`)).phoneNumbers;

test.describe.configure({ mode: "serial" });

let ids: Record<string, string> = {};
let phones: string[] = [];

test.beforeAll(async () => {
  for (const s of SPACES) await sandbox("POST", "spaces", { ...s, numbers: 3 });
  phones = (await sandboxNumbers(SPACES[0].custSpaceId)).map((n) => n.phoneNumber).sort();
  await sandbox("PUT", `numbers/${phones[1]}/health`, { canSendMessage: "LIMITED" });
  await sandbox("PUT", `numbers/${phones[2]}/health`, { canSendMessage: "BLOCKED" });
});

/** Links the spec's sandbox spaces in the dashboard (Settings → Spaces), once. */
async function linkSpaces(page: Page) {
  ids = await spaceIds(page);
  for (const s of SPACES) {
    if (ids[s.custSpaceId]) continue;
    await page.getByRole("button", { name: "Add space" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Name").fill(s.name);
    await dialog.getByLabel("CustSpaceId").fill(s.custSpaceId);
    await dialog.getByRole("button", { name: "Add space" }).click();
    await expect(dialog).toBeHidden();
  }
  ids = await spaceIds(page);
}

/** Drops a file on an element as a browser drag and drop does. */
async function dropFile(page: Page, testId: string, bytes: Buffer, name: string, type: string) {
  const data = await page.evaluateHandle(
    ({ b64, name, type }) => {
      const bin = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([bin], name, { type }));
      return dt;
    },
    { b64: bytes.toString("base64"), name, type },
  );
  await page.getByTestId(testId).dispatchEvent("drop", { dataTransfer: data });
}

const profileTab = (n: string) => `/s/${ids[SPACES[0].custSpaceId]}/phone-numbers/${n}/profile`;
const uploads = async () => (await sandboxCalls(SPACES[0].custSpaceId)).byAction.GetChatappUploadAuthorization ?? 0;

test("edit a profile with a dropped picture: checks first, diff before saving, read back after a reload", async ({ page }) => {
  test.setTimeout(120_000);
  await signInAsAdmin(page);
  await linkSpaces(page);
  const phone = phones[0]!;
  await page.goto(profileTab(phone));
  await expect(page.getByRole("heading", { name: "Business profile" })).toBeVisible();
  await expectAccessible(page, "profile tab");

  await test.step("a picture that is not square is refused before anything is sent", async () => {
    await dropFile(page, "picture-drop", png(300, 200), "wide.png", "image/png");
    await expect(page.getByTestId("picture-issue")).toHaveText("The picture must be square (as wide as it is high).");
    expect(await uploads()).toBe(0);
  });

  await test.step("a square PNG is uploaded to OSS and previewed", async () => {
    await dropFile(page, "picture-drop", png(256, 256), "logo.png", "image/png");
    await expect(page.getByTestId("picture-uploaded")).toContainText("256 × 256");
    await expect(page.getByTestId("picture-issue")).toHaveCount(0);
    const src = await page.getByTestId("picture-preview").locator("img").getAttribute("src");
    expect(src).toMatch(/\/profile\/e2e-profile-1\/[0-9a-f]+\/profile-[0-9a-f-]+\.png$/);
    await expect(page.getByLabel(/^Picture URL/)).toHaveValue(src!);
    expect(await uploads()).toBe(1);
  });

  const about = "Open 9–18 😀 我们很快回复";
  await page.getByLabel("About", { exact: true }).fill(about);
  await expect(page.getByTestId("counter-about-count")).toHaveText(`${[...about].length} / 139`);
  await page.getByLabel("Description").fill("Official account of the E2E profile test.");
  await page.getByTestId("vertical-select").click();
  await page.getByRole("option", { name: "Shopping and retail" }).click();
  await page.getByLabel("Website 1").fill("https://shop.e2e.test/?a=1,2");
  await page.getByLabel("Website 2").fill("not a url");
  await page.getByRole("button", { name: "Review and save" }).click();
  await expect(page.getByText("Enter a web address starting with http:// or https://.")).toBeVisible();
  await page.getByLabel("Website 2").fill("https://help.e2e.test");
  await page.getByRole("button", { name: "Review and save" }).click();

  const dialog = page.getByRole("alertdialog");
  await test.step("the diff lists old → new of exactly the changed fields", async () => {
    await expect(dialog.getByRole("heading", { name: "Save these changes?" })).toBeVisible();
    const diff = dialog.getByTestId("profile-diff");
    await expect(diff.locator("[data-field]")).toHaveCount(5);
    await expect(diff.locator('[data-field="about"] [data-testid="diff-from"]')).toHaveText("Hey there! I am using WhatsApp.");
    await expect(diff.locator('[data-field="about"] [data-testid="diff-to"]')).toHaveText(about);
    await expect(diff.locator('[data-field="vertical"] [data-testid="diff-to"]')).toHaveText("Shopping and retail");
    await expect(diff.locator('[data-field="websites"] [data-testid="diff-to"]')).toContainText("https://help.e2e.test");
  });
  await dialog.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByText("Profile saved. The form shows what CAMS holds now.")).toBeVisible();

  const held = (await sandboxNumbers(SPACES[0].custSpaceId)).find((n) => n.phoneNumber === phone)!.profile;
  expect(held).toMatchObject({ About: about, Vertical: "RETAIL", Websites: ["https://shop.e2e.test/?a=1,2", "https://help.e2e.test"] });

  await test.step("after a reload every value comes back from CAMS, the picture too", async () => {
    await page.reload();
    await expect(page.getByLabel("About", { exact: true })).toHaveValue(about);
    await expect(page.getByLabel("Website 1")).toHaveValue("https://shop.e2e.test/?a=1,2");
    await keepScreenshot(page, "profile-tab.png", { fullPage: true });
    await expect(page.getByTestId("vertical-select")).toHaveText("Shopping and retail");
    const src = await page.getByTestId("picture-preview").locator("img").getAttribute("src");
    expect(src).toBe(held.ProfilePictureUrl);
    // The picture is served back from OSS.
    expect((await page.request.get(src!)).status()).toBe(200);
  });

  await test.step("the header search finds the number by its new website and opens the Profile tab", async () => {
    await page.locator("main").click();
    await page.keyboard.press("Control+K");
    await page.getByTestId("search-input").fill("help.e2e.test");
    const hit = page.getByTestId("search-hit-profile").filter({ hasText: "https://help.e2e.test" });
    await expect(hit).toBeVisible();
    await page.getByTestId("search-input").press("Enter");
    await expect(page).toHaveURL(new RegExp(`/phone-numbers/${phone}/profile$`));
  });

  await test.step("the audit log has the change", async () => {
    await page.goto("/audit?operation=profile.update");
    await expect(page.getByTestId("audit-row").first()).toContainText("Change business profile");
  });
});

test("a LIMITED and a BLOCKED number show every error with its solution; the lists show health from the inventory", async ({ page }) => {
  await signInAsAdmin(page);
  if (!ids[SPACES[0].custSpaceId]) await linkSpaces(page);
  const space = ids[SPACES[0].custSpaceId];
  for (const [phone, state, code, solution] of [
    [phones[1]!, "Limited", "141010", "Start or finish business verification"],
    [phones[2]!, "Blocked", "141006", "Add a valid payment method"],
  ] as const) {
    await page.goto(`/s/${space}/phone-numbers/${phone}`);
    const panel = page.getByTestId("health-panel");
    await expect(panel.getByTestId("health-overall")).toHaveText(state);
    await expect(panel.getByTestId("health-checked-at")).toContainText("Checked");
    const error = panel.getByTestId("health-error");
    await expect(error).toHaveCount(1);
    await expect(error).toContainText(code);
    await expect(error).toContainText(solution);
    await expect(panel.locator('[data-entity="PHONE_NUMBER"]')).toContainText(state);
  }
  await expectAccessible(page, "number overview with health");
  await keepScreenshot(page, "health.png", { fullPage: true });

  await test.step("Check now reads CAMS again", async () => {
    await sandbox("PUT", `numbers/${phones[2]}/health`, { canSendMessage: "AVAILABLE" });
    await page.getByRole("button", { name: "Check now" }).click();
    await expect(page.getByTestId("health-panel").getByTestId("health-overall")).toHaveText("Available");
    await expect(page.getByTestId("health-panel").getByTestId("health-error")).toHaveCount(0);
    await sandbox("PUT", `numbers/${phones[2]}/health`, { canSendMessage: "BLOCKED" });
    await page.getByRole("button", { name: "Check now" }).click();
    await expect(page.getByTestId("health-panel").getByTestId("health-overall")).toHaveText("Blocked");
  });

  await test.step("the space's list and All spaces show the stored health beside the status", async () => {
    await page.goto(`/s/${space}/phone-numbers`);
    await expect(page.getByTestId(`phone-row-${phones[1]}`).getByTestId("health-badge")).toHaveText("Limited");
    await expect(page.getByTestId(`phone-row-${phones[2]}`).getByTestId("health-badge")).toHaveText("Blocked");
    await page.goto(`/s/all/phone-numbers?q=${phones[1]}`);
    await expect(page.getByTestId(`phone-row-${phones[1]}`).getByTestId("health-badge")).toHaveText("Limited");
  });
});
