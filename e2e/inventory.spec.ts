import { signInAsAdmin } from "./helpers/auth";
import { linkSpace } from "./helpers/keys";
import { ensureSandboxSpace, sandboxSpace } from "./helpers/qr";
import { sandbox, sandboxCalls } from "./helpers/sandbox";
import { expect, test } from "./helpers/test";

/**
 * The fleet inventory as a user meets it: lists come from the console's copy of CAMS with an
 * "as of" time; a change made outside the console (here: through the sandbox's control API) shows
 * after "Refresh now"; the header search finds a number typed in another format and jumps there;
 * a number of another space asked through this space's URL is a 404, with no CAMS call for it.
 */
test.describe.configure({ mode: "serial" });

const A = { custSpaceId: "e2e-inv-a", name: "E2E Inventory A" };
const B = { custSpaceId: "e2e-inv-b", name: "E2E Inventory B" };
let aId = "";
let bId = "";
let aPhone = "";
let bPhone = "";

test.beforeAll(async () => {
  aPhone = (await ensureSandboxSpace(A.custSpaceId, A.name, 3))[0]!.phoneNumber;
  bPhone = (await ensureSandboxSpace(B.custSpaceId, B.name, 2))[0]!.phoneNumber;
});

test("a change made outside the console shows after Refresh now, with the time it was read", async ({ page }) => {
  await signInAsAdmin(page);
  aId = await linkSpace(page, A.name, A.custSpaceId);
  bId = await linkSpace(page, B.name, B.custSpaceId);
  await page.goto(`/s/${aId}/phone-numbers`);
  const row = page.getByTestId(`phone-row-${aPhone}`);
  await expect(row).toContainText("Connected");
  await expect(page.getByTestId("as-of")).toContainText(/As of/);

  // Outside the console: CAMS (the sandbox) now holds another status and name for the number.
  await sandbox("PATCH", `numbers/${aPhone}`, { Status: "FLAGGED", VerifiedName: "Renamed Elsewhere" });
  const before = (await sandboxCalls(A.custSpaceId)).byAction.QueryChatappPhoneNumbers ?? 0;
  await page.reload();
  // A reload answers from the inventory at once: the old values until a refresh reads CAMS.
  await expect(page.getByTestId("phone-list-loading")).toHaveCount(0);
  await page.getByTestId("refresh-now").click();
  await expect(row).toContainText("Flagged");
  await expect(row).toContainText("Renamed Elsewhere");
  expect((await sandboxCalls(A.custSpaceId)).byAction.QueryChatappPhoneNumbers ?? 0).toBeGreaterThan(before);
  await page.screenshot({ path: test.info().outputPath("refreshed.png") });

  // A second Refresh now within seconds is refused, explained, and the list stays.
  await page.getByTestId("refresh-now").click();
  await expect(page.getByText("You refreshed a moment ago")).toBeVisible();
  await expect(row).toContainText("Flagged");
});

test("the header search finds a number typed in another format, across spaces, and opens it", async ({ page }) => {
  await signInAsAdmin(page);
  await page.goto(`/s/${aId}/phone-numbers`);
  await page.keyboard.press("Control+K");
  const input = page.getByTestId("search-input");
  await expect(input).toBeFocused();
  // "+1 5550…" style: spaces, a plus and dashes around the last digits of B's number.
  const digits = bPhone.slice(-7);
  await input.fill(`+ ${digits.slice(0, 3)}-${digits.slice(3)}`);
  const hit = page.getByTestId("search-hit-number").filter({ hasText: B.name });
  await expect(hit).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("search.png") });
  await input.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/s/${bId}/phone-numbers/${bPhone}$`));

  // Spaces by CustSpaceId, through "/" as well.
  await page.locator("main").click();
  await page.keyboard.press("/");
  await page.getByTestId("search-input").fill(A.custSpaceId);
  await expect(page.getByTestId("search-hit-space").filter({ hasText: A.name })).toBeVisible();
  await page.keyboard.press("Escape");
});

test("a number of space B asked through space A's URL is a 404, and CAMS is not asked about it", async ({ page }) => {
  await signInAsAdmin(page);
  const before = await sandboxCalls(A.custSpaceId);
  const res = await page.goto(`/s/${aId}/phone-numbers/${bPhone}`);
  expect(res?.status()).toBe(404);
  await expect(page.getByTestId("not-found")).toBeVisible();
  const after = await sandboxCalls(A.custSpaceId);
  // At most the one refresh of space A that an unknown number triggers; nothing per number.
  for (const op of ["GetPhoneNumberVerificationStatus", "GetPhoneEncryptionPublicKey", "ListPhoneMessageQrdl"]) {
    expect(after.byAction[op as keyof typeof after.byAction] ?? 0, op).toBe(before.byAction[op as keyof typeof before.byAction] ?? 0);
  }
  expect((after.byAction.QueryChatappPhoneNumbers ?? 0) - (before.byAction.QueryChatappPhoneNumbers ?? 0)).toBeLessThanOrEqual(1);
  expect((await sandboxSpace(B.custSpaceId)).map((n) => n.phoneNumber)).toContain(bPhone);
});
