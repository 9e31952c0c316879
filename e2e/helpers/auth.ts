import { expect, type Cookie, type Page } from "@playwright/test";
import { E2E } from "./env";
import { hydrated } from "./test";

/**
 * Session cookies of earlier sign-ins in this worker, by e-mail and password. A sign-in through the
 * form costs a password hash and two page loads; specs that only need to be signed in reuse the
 * session. A session that was ended meanwhile (sign-out, password reset, disabled user) lands on the
 * sign-in page, and the form is used again.
 */
const sessions = new Map<string, Cookie[]>();

/** Signs in through the form, or reuses this worker's session of the same user unless `fresh`. */
export async function signIn(page: Page, email: string, password: string, opts: { fresh?: boolean } = {}) {
  const key = `${email}\n${password}`;
  const cached = opts.fresh ? undefined : sessions.get(key);
  if (cached) {
    await page.context().addCookies(cached);
    await page.goto("/");
    if (!/\/(sign-in|setup)/.test(new URL(page.url()).pathname)) {
      await expect(page.getByTestId("user-menu")).toBeVisible();
      return;
    }
    sessions.delete(key);
  }
  await page.goto("/sign-in");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  // The first sign-in of a run may wait on a cold server and the first CAMS reads: allow a slow machine.
  await expect(page.getByTestId("user-menu")).toBeVisible({ timeout: 30_000 });
  // A page of a context made by the spec itself (not the fixture's) is not waited on after loads.
  await hydrated(page);
  const cookies = (await page.context().cookies()).filter((c) => c.name.includes("session"));
  if (cookies.length) sessions.set(key, cookies);
}

export const signInAsAdmin = (page: Page) => signIn(page, E2E.admin.email, E2E.admin.password);

/**
 * Chooses `item` in the user menu's submenu `submenu` (Language, Theme). The item is chosen by
 * keyboard: a pointer moved from the submenu's trigger to its item on a loaded machine left the
 * submenu's grace area, the submenu closed and the click waited out the test.
 */
export async function chooseInUserMenu(page: Page, submenu: string, item: string) {
  await page.getByTestId("user-menu").click();
  await page.getByRole("menuitem", { name: submenu }).click();
  const entry = page.getByRole("menuitem", { name: item });
  await expect(entry).toBeVisible();
  await entry.press("Enter");
}

export async function signOut(page: Page) {
  await hydrated(page);
  await page.getByTestId("user-menu").click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await page.waitForURL(/\/sign-in/);
}

export interface NewUser {
  name: string;
  email: string;
  password: string;
  /** space name → role */
  spaces: Record<string, "operator" | "viewer">;
}

/** Creates a user through Settings → Users, as an admin would. The page must be signed in as admin (at `base`, default the suite's app). */
export async function createUserViaUi(page: Page, u: NewUser, base = "") {
  await page.goto(`${base}/settings/users`);
  await page.getByRole("button", { name: "Add user" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name").fill(u.name);
  await dialog.getByLabel("E-mail").fill(u.email);
  await dialog.getByLabel("Initial password").fill(u.password);
  for (const [space, role] of Object.entries(u.spaces)) {
    await dialog.getByLabel(space, { exact: true }).selectOption(role);
  }
  await dialog.getByRole("button", { name: "Add user" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId(`user-row-${u.email}`)).toBeVisible();
}
