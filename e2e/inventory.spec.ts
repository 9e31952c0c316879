import { signInAsAdmin } from "./helpers/auth";
import { linkSpace } from "./helpers/keys";
import { ensureSandboxSpace, sandboxSpace } from "./helpers/qr";
import { sandbox, sandboxCalls } from "./helpers/sandbox";
import { expect, test, keepScreenshot } from "./helpers/test";

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

/** Waits until a space's CAMS calls stop moving (a sweep's pass of its details has ended). */
async function settled(custSpaceId: string): Promise<void> {
  let last = -1;
  await expect
    .poll(
      async () => {
        const now = (await sandboxCalls(custSpaceId)).total;
        const same = now === last;
        last = now;
        return same;
      },
      { timeout: 60_000, intervals: [2_000] },
    )
    .toBe(true);
}

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
  await keepScreenshot(page, "refreshed.png");

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
  await keepScreenshot(page, "search.png");
  await input.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/s/${bId}/phone-numbers/${bPhone}$`));

  // Spaces by CustSpaceId, through "/" as well.
  await page.locator("main").click();
  await page.keyboard.press("/");
  await page.getByTestId("search-input").fill(A.custSpaceId);
  await expect(page.getByTestId("search-hit-space").filter({ hasText: A.name })).toBeVisible();
  await page.keyboard.press("Escape");
  // The dialog loads when first wanted (no DialogTrigger): closing it puts focus on the header's search button.
  await expect(page.getByRole("button", { name: /^Search/ })).toBeFocused();
});

test("a QR code made outside the console shows on the space's QR page after Refresh now", async ({ page }) => {
  await signInAsAdmin(page);
  await page.goto(`/s/${aId}/qr-codes`);
  await expect(page.getByRole("heading", { name: "QR codes", level: 1 })).toBeVisible();
  await expect(page.getByTestId("as-of")).toContainText(/As of/);
  const message = `Made elsewhere ${Date.now().toString(36)}`;
  // Outside the console: the code is made in CAMS (the sandbox's control API), not through the app.
  const made = await sandbox<{ qrdlCode: string }>("POST", `numbers/${aPhone}/qr-codes`, { prefilledMessage: message });
  expect(made.qrdlCode).toMatch(/^[A-Z0-9]{8}$/);
  // The page answers from the inventory, which has not seen it yet.
  await expect(page.getByText(message)).toHaveCount(0);
  const before = (await sandboxCalls(A.custSpaceId)).byAction.ListPhoneMessageQrdl ?? 0;
  await page.getByTestId("refresh-now").click();
  await expect(page.getByText(message)).toBeVisible();
  // Refresh now read every number of the space's codes from CAMS, once each.
  expect(((await sandboxCalls(A.custSpaceId)).byAction.ListPhoneMessageQrdl ?? 0) - before).toBe(3);
  // It stays after a reload: the inventory holds it now.
  await page.reload();
  await expect(page.getByText(message)).toBeVisible();
  // And the number's own QR tab shows it too, from the same inventory.
  await page.goto(`/s/${aId}/phone-numbers/${aPhone}/qr-codes`);
  await expect(page.getByTestId("qr-cards")).toContainText(message);
});

test("a number of space B asked through space A's URL is a 404, and CAMS is not asked about it", async ({ page }) => {
  await signInAsAdmin(page);
  await settled(A.custSpaceId);
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
