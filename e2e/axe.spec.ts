import AxeBuilder from "@axe-core/playwright";
import { expectAccessible, RULES_NEVER_SERIOUS } from "./helpers/axe";
import { expect, test } from "./helpers/test";

/**
 * The specs' accessibility check runs axe without the rules that can only report minor or
 * moderate results, and keeps only the violations' nodes: it must fail on exactly what a full
 * scan would fail it on.
 */
const PAGE = `<!doctype html><html lang="en"><head><title>axe</title></head><body>
  <div><h3>Skipped a level</h3></div>
  <button></button>
  <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
  <p style="color:#777;background:#888">low contrast text</p>
  <input type="text">
  <div role="bogus">x</div>
  <table><tr><th></th><td>cell</td></tr></table>
</body></html>`;

const seriousOf = (violations: { id: string; impact?: string | null }[]) =>
  violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => v.id)
    .sort();

test("the lean accessibility scan fails on exactly the serious and critical violations a full scan finds", async ({ page }) => {
  // region, landmark-one-main and heading-order at least: the page above breaks them (moderate).
  expect(RULES_NEVER_SERIOUS).toEqual(expect.arrayContaining(["region", "landmark-one-main", "heading-order"]));
  expect(RULES_NEVER_SERIOUS).not.toContain("color-contrast");
  await page.setContent(PAGE);
  const full = await new AxeBuilder({ page }).analyze();
  const expected = seriousOf(full.violations);
  expect(expected).toEqual(expect.arrayContaining(["button-name", "color-contrast", "image-alt", "label"]));
  // What the full scan reports that the lean one skips is only ever minor or moderate.
  expect(full.violations.filter((v) => RULES_NEVER_SERIOUS.includes(v.id)).map((v) => v.impact)).not.toContainEqual(expect.stringMatching(/serious|critical/));
  expect(full.violations.some((v) => RULES_NEVER_SERIOUS.includes(v.id))).toBe(true);

  const failure = await expectAccessible(page, "a page built to fail").then(
    () => null,
    (e: Error) => e.message,
  );
  expect(failure).not.toBeNull();
  for (const id of expected) expect(failure).toContain(`${id}:`);
  for (const id of RULES_NEVER_SERIOUS) expect(failure).not.toContain(`${id}:`);
});

test("the lean scan passes a page whose only faults are moderate", async ({ page }) => {
  await page.setContent(`<!doctype html><html lang="en"><head><title>ok</title></head><body><div><h3>No main, no h1</h3><p>text</p></div></body></html>`);
  const full = await new AxeBuilder({ page }).analyze();
  expect(full.violations.length).toBeGreaterThan(0);
  expect(seriousOf(full.violations)).toEqual([]);
  await expectAccessible(page, "a page with moderate faults only");
});
