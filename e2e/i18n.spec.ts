import type { Page } from "@playwright/test";
import { explainCamsErrorIn, translatorFor } from "../lib/i18n/translators";
import { expect, test, keepScreenshot } from "./helpers/test";
import { expectAccessible } from "./helpers/axe";
import { chooseInUserMenu, signInAsAdmin } from "./helpers/auth";
import { linkSpace } from "./helpers/keys";
import { clearFaults, injectFault, sandbox } from "./helpers/sandbox";

/**
 * Server messages in the Chinese UI: a CAMS refusal is explained from messages/zh-CN/camsErrors.json
 * and a server refusal (an ActionError) from messages/zh-CN/serverErrors.json, by key: no English
 * server text, the code and the request id still there to quote.
 */
const SPACE = "e2e-i18n";
const NAME = "E2E i18n";
const zh = (ns: string) => translatorFor("zh-CN", ns);

async function language(page: Page, menu: string, name: string, lang: string) {
  await chooseInUserMenu(page, menu, name);
  // The action sets the cookie, then the server renders the page again in that language: seconds
  // on a busy machine with another spec running beside this one.
  await expect(page.locator("html")).toHaveAttribute("lang", lang, { timeout: 30_000 });
}

/** Opens the space's delete dialog and types the name, as Settings → Spaces asks. */
async function deleteDialog(page: Page) {
  await page.goto("/settings/spaces");
  await page.getByRole("button", { name: `${zh("common")("delete")}: ${NAME}` }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel(zh("spaces")("confirmName")).fill(NAME);
  return dialog;
}

test.afterEach(async () => {
  await clearFaults(SPACE);
});

test("the Chinese UI shows CAMS and server refusals in Chinese, with the code and request id", async ({ page }) => {
  test.setTimeout(180_000);
  // 409 when the sandbox space exists already (a re-run against the same sandbox): fine.
  await sandbox("POST", "spaces", { custSpaceId: SPACE, name: NAME, numbers: 1 });
  await signInAsAdmin(page);
  const spaceId = await linkSpace(page, NAME, SPACE);
  await language(page, "Language", "简体中文", "zh-CN");
  try {
    // A CAMS refusal on a read: Refresh now fails, the list keeps its last data marked stale, explained.
    await injectFault({ kind: "error", code: "Ram.PermissionDeny", action: "QueryChatappPhoneNumbers", custSpaceId: SPACE, count: -1 });
    await page.goto(`/s/${spaceId}/phone-numbers`);
    await page.getByTestId("refresh-now").click();
    const alert = page.getByTestId("as-of-stale").getByRole("alert");
    const plain = explainCamsErrorIn("Ram.PermissionDeny", "zh-CN");
    await expect(alert).toContainText(plain.title, { timeout: 45_000 });
    await expect(alert).toContainText(plain.explanation);
    await expect(alert).toContainText("Ram.PermissionDeny");
    await expect(alert.locator("dt", { hasText: zh("common")("requestId") }).locator("+ dd")).toHaveText(/^[0-9A-F-]{36}$/);
    await expect(alert).not.toContainText(explainCamsErrorIn("Ram.PermissionDeny", "en").title);
    await expectAccessible(page, "read error zh-CN");
    await keepScreenshot(page, "zh-cams-error.png", { fullPage: true });

    // A server refusal: the space is deleted in another tab while this one's delete dialog is open.
    const stale = await deleteDialog(page);
    const other = await page.context().newPage();
    await (await deleteDialog(other)).getByRole("button", { name: zh("common")("delete") }).click();
    await expect(other.getByTestId(`space-row-${SPACE}`)).toHaveCount(0, { timeout: 30_000 });
    await other.close();
    await stale.getByRole("button", { name: zh("common")("delete") }).click();
    const refusal = stale.getByRole("alert");
    await expect(refusal).toHaveText(zh("serverErrors")("spaceGone"), { timeout: 30_000 });
    await expect(refusal).not.toContainText("no longer exists");
    await keepScreenshot(page, "zh-refusal.png");
  } finally {
    await page.keyboard.press("Escape");
    await language(page, "语言", "English", "en");
  }
});
