import type { Locator, Page } from "@playwright/test";
import { expect, test, keepScreenshot } from "./helpers/test";
import { signInAsAdmin } from "./helpers/auth";
import { expectAccessible } from "./helpers/axe";
import { spaceIds } from "./helpers/phone-numbers";

/** A seeded, connected number of "Retail Demo" (server/sandbox/seed.ts). */
const RETAIL_NUMBER = "8613800000011";

// A phone: touch, 390 px wide. The desktop checks at the end resize the same page.
test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

/** The document never scrolls sideways. */
async function expectNoSideScroll(page: Page, label: string) {
  await expect
    .poll(() => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), { message: `side scroll on ${label}` })
    .toBeLessThanOrEqual(0);
}

/**
 * Every table on the page fits its box (`strict`: secondary columns hidden, none cut off), or else
 * scrolls sideways with the edge shadow that shows there is more.
 */
async function expectTablesFit(page: Page, label: string, strict: boolean) {
  const boxes = await page.locator('[data-slot="table-container"]').evaluateAll((all) =>
    all
      .filter((b) => b.checkVisibility())
      .map((b) => ({ over: b.scrollWidth - b.clientWidth, hint: getComputedStyle(b).overflowX === "auto" && getComputedStyle(b).backgroundImage.includes("gradient") })),
  );
  for (const b of boxes) {
    if (strict) expect(b.over, `table wider than its box on ${label}`).toBeLessThanOrEqual(1);
    else expect(b.over <= 1 || b.hint, `table cut off without a scroll hint on ${label}`).toBe(true);
  }
}

/** The named column headers are shown, inside the table's box. */
async function expectColumnsVisible(table: Locator, names: string[]) {
  const box = await table.locator("xpath=ancestor::*[@data-slot='table-container'][1]").boundingBox();
  for (const name of names) {
    const head = table.getByRole("columnheader", { name, exact: true });
    await expect(head).toBeVisible();
    const b = (await head.boundingBox())!;
    expect(b.x + b.width, `column ${name}`).toBeLessThanOrEqual(box!.x + box!.width + 1);
  }
}

/** No blank space below the content: the page ends where <main>'s content ends. */
async function expectNoBlankTail(page: Page) {
  const gap = await page.evaluate(() => {
    const main = document.querySelector("main")!;
    return document.documentElement.scrollHeight - (main.getBoundingClientRect().bottom + window.scrollY);
  });
  expect(gap, "px of blank page under the content").toBeLessThanOrEqual(2);
}

async function checkPage(page: Page, url: string, label: string, ready: Locator, strict = false) {
  await page.goto(url);
  await expect(ready).toBeVisible();
  await expectNoSideScroll(page, label);
  await expectTablesFit(page, label, strict);
  await expectAccessible(page, `${label} at ${page.viewportSize()!.width} px`);
  // Kept with the run's results, for a person to look at.
  await keepScreenshot(page, `${label.replace(/\W+/g, "-")}-${page.viewportSize()!.width}.png`, { fullPage: true });
}

test("a phone (390 px) reads every main page: no side scroll, key columns kept, help on tap, drawer from the top; at 1440 px wide tables fit", async ({ page }) => {
  test.setTimeout(480_000);
  await signInAsAdmin(page);
  const ids = await spaceIds(page);
  const retail = ids["cams-demo-retail"]!;
  const numberBase = `/s/${retail}/phone-numbers/${RETAIL_NUMBER}`;

  await test.step("phone list: number, name and status shown, the rest hidden", async () => {
    await checkPage(page, `/s/${retail}/phone-numbers`, "phone list", page.getByTestId(`phone-row-${RETAIL_NUMBER}`), true);
    const table = page.getByTestId("phone-table");
    await expectColumnsVisible(table, ["Number", "Display name", "Status"]);
    await expect(table.getByRole("columnheader", { name: "Quality" })).toBeHidden();
  });

  await test.step("number page: no blank tail, help opens on tap, tabs in view", async () => {
    await checkPage(page, numberBase, "number overview", page.getByTestId("metrics-chart"));
    await expect(page.getByTestId("metrics-sr-table")).toBeAttached();
    await expectNoBlankTail(page);

    const help = page.getByRole("button", { name: "About: Quality rating" });
    await help.tap();
    await expect(page.getByRole("tooltip")).toContainText("last 7 days");
    await expectAccessible(page, "number overview with help open");
    await keepScreenshot(page, "help-tapped-390.png");
    await help.tap();
    await expect(page.getByRole("tooltip")).toBeHidden();

    const tabs = page.getByTestId("number-tabs");
    await expect(tabs).toHaveCSS("background-image", /gradient/);
    for (const [segment, name, ready] of [
      ["/encryption-key", "Encryption key", "main h2"],
      ["/qr-codes", "QR codes", "main h2"],
      ["/webhook", "Webhook", "main h2"],
    ] as const) {
      await checkPage(page, numberBase + segment, `number ${name} tab`, page.locator(ready).first());
      // The open tab is scrolled into the bar's view.
      const bar = (await tabs.boundingBox())!;
      const tab = (await tabs.getByRole("link", { name, exact: true }).boundingBox())!;
      expect(tab.x).toBeGreaterThanOrEqual(bar.x - 1);
      expect(tab.x + tab.width).toBeLessThanOrEqual(bar.x + bar.width + 1);
    }
  });

  await test.step("space lists, bulk, audit, settings", async () => {
    await checkPage(page, `/s/${retail}/qr-codes`, "QR codes", page.getByRole("heading", { name: "QR codes", level: 1 }));
    await checkPage(page, `/s/${retail}/webhooks`, "webhooks", page.getByTestId("webhooks-table"));
    await expectColumnsVisible(page.getByTestId("webhooks-table"), ["Number"]);
    await checkPage(page, `/s/${retail}/encryption-keys`, "encryption keys", page.getByRole("heading", { name: "Encryption keys", level: 1 }));
    await checkPage(page, "/bulk", "bulk", page.getByRole("heading", { level: 1 }));
    await checkPage(page, "/audit", "audit", page.getByTestId("audit-row").first());
    await checkPage(page, "/settings", "settings: users", page.getByRole("heading", { level: 1 }));
    await checkPage(page, "/settings/spaces", "settings: spaces", page.locator("[data-space-id]").first());
    await checkPage(page, "/settings/accounts", "settings: accounts", page.getByRole("heading", { level: 1 }));
    // Every space's numbers, sorted by number: the first rows are whichever space sorts first.
    await checkPage(page, "/s/all/phone-numbers", "all spaces", page.locator('[data-testid^="phone-row-"]').first(), true);
    await expectColumnsVisible(page.getByTestId("phone-table"), ["Number", "Display name", "Status"]);
  });

  await test.step("the menu drawer lists its links from the top", async () => {
    await page.getByRole("button", { name: "Open menu" }).click();
    const drawer = page.getByTestId("nav-drawer");
    const first = drawer.getByRole("link").first();
    await expect(first).toBeVisible();
    expect((await first.boundingBox())!.y).toBeLessThan(120);
    await expectAccessible(page, "menu drawer");
    await keepScreenshot(page, "menu-drawer-390.png");
    await page.keyboard.press("Escape");
    await expect(drawer).toBeHidden();
    // Loaded when first wanted, without a DialogTrigger: focus still goes back to the button.
    await expect(page.getByRole("button", { name: "Open menu" })).toBeFocused();
  });

  await test.step("1440 px: the all-spaces and audit tables show their last column", async () => {
    await page.setViewportSize({ width: 1440, height: 900 });
    for (const [url, ready] of [
      ["/s/all/phone-numbers", page.locator('[data-testid^="phone-row-"]').first()],
      ["/audit", page.getByTestId("audit-row").first()],
    ] as const) {
      await page.goto(url);
      await expect(ready).toBeVisible();
      const fit = await page.locator('[data-slot="table-container"]').first().evaluate((box) => {
        const heads = box.querySelectorAll("thead th");
        const last = heads[heads.length - 1]!.getBoundingClientRect();
        return {
          fits: last.right <= box.getBoundingClientRect().right + 1,
          // Or it scrolls, with the edge shadow showing there is more.
          scrollsVisibly: box.scrollWidth > box.clientWidth && getComputedStyle(box).overflowX === "auto" && getComputedStyle(box).backgroundImage.includes("gradient"),
        };
      });
      expect(fit.fits || fit.scrollsVisibly, `last column of ${url}`).toBe(true);
      if (url.startsWith("/s/all")) expect(fit.fits, "the all-spaces table fits at 1440 px").toBe(true);
      await expectNoSideScroll(page, `${url} at 1440 px`);
      await keepScreenshot(page, `${url.replace(/\W+/g, "-")}-1440.png`);
    }
    await page.goto(numberBase);
    await expect(page.getByTestId("metrics-chart")).toBeVisible();
    await expectNoBlankTail(page);
  });
});
