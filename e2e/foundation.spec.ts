import fs from "node:fs";
import path from "node:path";
import type { Request } from "@playwright/test";
import { expect, scanFrom, test } from "./helpers/test";
import { chooseInUserMenu, createUserViaUi, signIn, signInAsAdmin, signOut } from "./helpers/auth";
import { expectAccessible } from "./helpers/axe";
import { E2E } from "./helpers/env";
import { ensureSandboxSpaces } from "./helpers/phone-numbers";
import { sandbox } from "./helpers/sandbox";
import { appLog, occurrences } from "./helpers/secrets";

const operator = { name: "Otto Operator", email: "operator@e2e.test", password: "operator-pass-1", spaces: { "E2E Alpha": "operator" as const } };
const viewer = { name: "Vera Viewer", email: "viewer@e2e.test", password: "viewer-pass-12", spaces: { "E2E Alpha": "viewer" as const } };

test.describe.configure({ mode: "serial" });

test("first start: setup page creates the first admin, then is gone for good", async ({ page }) => {
  const scanned = scanFrom();
  await page.goto("/");
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole("heading", { name: "Set up CAMS Admin" })).toBeVisible();
  await expectAccessible(page, "setup");

  await test.step("bad input gets field messages and keeps what was typed", async () => {
    await page.getByLabel("Name").fill(E2E.admin.name);
    await page.getByLabel("E-mail").fill("not-an-email");
    await page.getByLabel("Password", { exact: true }).fill("short");
    await page.getByLabel("Confirm password").fill("different");
    await page.getByRole("button", { name: "Create administrator" }).click();
    await expect(page.getByText("Enter a valid e-mail address.")).toBeVisible();
    await expect(page.getByText("Use 10 to 128 characters.")).toBeVisible();
    await expect(page.getByLabel("Name")).toHaveValue(E2E.admin.name);
  });

  await page.getByLabel("E-mail").fill(E2E.admin.email);
  await page.getByLabel("Password", { exact: true }).fill(E2E.admin.password);
  await page.getByLabel("Confirm password").fill(E2E.admin.password);

  await test.step("a wrong setup token is refused and setup stays open", async () => {
    await page.getByLabel("Setup token").fill("not-the-token");
    await page.getByRole("button", { name: "Create administrator" }).click();
    await expect(page.getByText("The setup token is wrong.", { exact: false })).toBeVisible();
    await expect(page).toHaveURL(/\/setup$/);
  });

  // The one-time token the server wrote beside its database (mode 0600), as the start command prints it.
  const tokenFile = path.join(E2E.dataDir, "setup.token");
  expect(fs.statSync(tokenFile).mode & 0o777).toBe(0o600);
  await page.getByLabel("Setup token").fill(fs.readFileSync(tokenFile, "utf8").trim());
  await page.getByRole("button", { name: "Create administrator" }).click();
  // The first page after setup links the sandbox account and opens the space: allow a slow machine.
  await expect(page).toHaveURL(/\/s\/[^/]+\/phone-numbers/, { timeout: 30_000 });
  await expect(page.getByTestId("user-menu")).toContainText(E2E.admin.name);

  const setupAgain = await page.request.get("/setup");
  expect(setupAgain.status()).toBe(404);
  expect(fs.existsSync(tokenFile), "the token is gone once used").toBe(false);
  expect(scanned(), "secrets in responses").toEqual([]);
});

test("sign-in: wrong password, throttling, sign out", async ({ page }) => {
  await page.goto("/sign-in");
  await expectAccessible(page, "sign-in");
  await page.getByLabel("E-mail").fill(E2E.admin.email);
  await page.getByLabel("Password").fill("wrong-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("sign-in-error")).toHaveText("The e-mail address or password is wrong.");
  await expect(page.getByLabel("E-mail")).toHaveValue(E2E.admin.email);

  await test.step("repeated failures are throttled with a clear message", async () => {
    await page.getByLabel("E-mail").fill("nobody@e2e.test");
    for (let i = 0; i < 5; i++) {
      await page.getByLabel("Password").fill(`guess-${i}`);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.getByTestId("sign-in-error")).toBeVisible();
    }
    await page.getByLabel("Password").fill("guess-last");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("sign-in-error")).toContainText("Too many failed sign-ins. Try again in");
  });

  await signInAsAdmin(page);
  const cookies = await page.context().cookies();
  const session = cookies.find((c) => c.name.includes("session_token"));
  expect(session?.httpOnly).toBe(true);
  expect(session?.sameSite).toBe("Lax");
  await signOut(page);
  await page.goto("/settings/users");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("admin creates spaces and users; operator sees only their space; viewer is refused", async ({ page, browser }) => {
  test.setTimeout(240_000);
  const scanned = scanFrom();
  // Saving a space checks its CustSpaceId through the account: the sandbox must know them first.
  await ensureSandboxSpaces();
  await sandbox("POST", "spaces", { custSpaceId: "e2e-temp", name: "E2E Temp", numbers: 0 });
  await signInAsAdmin(page);
  let createSpaceRequest: Request | undefined;
  page.on("request", (r) => {
    if (r.method() === "POST" && r.headers()["next-action"] && r.postData()?.includes("e2e-beta")) createSpaceRequest = r;
  });

  for (const [name, id] of [
    ["E2E Alpha", "e2e-alpha"],
    ["E2E Beta", "e2e-beta"],
  ]) {
    await page.goto("/settings/spaces");
    await page.getByRole("button", { name: "Add space" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Name").fill(name);
    await dialog.getByLabel("CustSpaceId").fill(id);
    await dialog.getByRole("button", { name: "Add space" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId(`space-row-${id}`)).toContainText(name);
  }

  await test.step("a duplicate CustSpaceId gets a field message", async () => {
    await page.getByRole("button", { name: "Add space" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Name").fill("Duplicate");
    await dialog.getByLabel("CustSpaceId").fill("e2e-alpha");
    await dialog.getByRole("button", { name: "Add space" }).click();
    await expect(dialog.getByText("This CustSpaceId is already linked to this account.")).toBeVisible();
    await expect(dialog.getByLabel("Name")).toHaveValue("Duplicate");
    await page.keyboard.press("Escape");
  });

  await test.step("rename and delete with confirmation", async () => {
    await page.getByRole("button", { name: "Add space" }).click();
    let dialog = page.getByRole("dialog");
    await dialog.getByLabel("Name").fill("Temp Space");
    await dialog.getByLabel("CustSpaceId").fill("e2e-temp");
    await dialog.getByRole("button", { name: "Add space" }).click();
    await expect(dialog).toBeHidden();
    await page.getByRole("button", { name: "Edit: Temp Space" }).click();
    dialog = page.getByRole("dialog");
    await dialog.getByLabel("Name").fill("Temp Renamed");
    await dialog.getByRole("button", { name: "Save" }).click();
    await expect(page.getByTestId("space-row-e2e-temp")).toContainText("Temp Renamed");
    await page.getByRole("button", { name: "Delete: Temp Renamed" }).click();
    dialog = page.getByRole("dialog");
    await expect(dialog.getByRole("button", { name: "Delete" })).toBeDisabled();
    await dialog.getByLabel("Space name").fill("Temp Renamed");
    await dialog.getByRole("button", { name: "Delete" }).click();
    await expect(page.getByTestId("space-row-e2e-temp")).toHaveCount(0);
  });

  await createUserViaUi(page, operator);
  await createUserViaUi(page, viewer);
  for (const url of ["/settings/users", "/settings/spaces", "/settings/accounts"]) {
    await page.goto(url);
    await expectAccessible(page, url);
  }
  expect(createSpaceRequest, "the create-space action request was captured").toBeTruthy();
  expect(scanned(), "secrets in responses").toEqual([]);

  // The operator: only the assigned space, and no way into another one by URL.
  const opContext = await browser.newContext();
  const op = await opContext.newPage();
  await signIn(op, operator.email, operator.password);
  await expect(op.getByTestId("space-switcher")).toContainText("E2E Alpha");
  await op.getByTestId("space-switcher").click();
  await expect(op.getByRole("listbox").getByRole("option")).toHaveText(["E2E Alpha"]);
  await op.keyboard.press("Escape");
  await op.goto("/settings/spaces");
  await expect(op.getByText("Only administrators can change these settings.")).toBeVisible();
  await expect(op.getByRole("button", { name: "Add space" })).toHaveCount(0);
  await page.goto("/settings/spaces");
  const betaId = await page.getByTestId("space-row-e2e-beta").getAttribute("data-space-id");
  const other = await op.goto(`/s/${betaId}/phone-numbers`);
  expect(other?.status()).toBe(404);
  await opContext.close();

  // The viewer replays the admin's create-space action directly: the server refuses it.
  const vContext = await browser.newContext();
  const v = await vContext.newPage();
  await signIn(v, viewer.email, viewer.password);
  await expect(v.getByTestId("space-switcher")).toContainText("E2E Alpha");
  const headers = createSpaceRequest!.headers();
  const body = createSpaceRequest!.postData()!.replace("e2e-beta", "e2e-forged");
  const res = await v.request.post(createSpaceRequest!.url(), {
    headers: { "next-action": headers["next-action"], "content-type": headers["content-type"], accept: "text/x-component", origin: E2E.baseUrl },
    data: body,
  });
  const text = await res.text();
  expect(text).toContain("Only administrators can do that.");
  await page.goto("/settings/spaces");
  await expect(page.getByTestId("space-row-e2e-forged")).toHaveCount(0);
  await vContext.close();
});

test("language switch to Chinese and back; light and dark; narrow screens", async ({ page }) => {
  test.setTimeout(150_000);
  await signInAsAdmin(page);
  await chooseInUserMenu(page, "Language", "简体中文");
  await expect(page.getByRole("link", { name: "电话号码" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expectAccessible(page, "shell zh-CN");
  await page.reload();
  await expect(page.getByRole("link", { name: "电话号码" })).toBeVisible();

  await chooseInUserMenu(page, "主题", "深色");
  await expect(page.locator("html")).toHaveClass(/dark/);
  await expectAccessible(page, "shell dark zh-CN");

  await chooseInUserMenu(page, "语言", "English");
  await expect(page.getByRole("link", { name: "Phone numbers" })).toBeVisible();
  await chooseInUserMenu(page, "Theme", "Light");

  await page.setViewportSize({ width: 375, height: 740 });
  await page.getByRole("button", { name: "Open menu" }).click();
  await page.getByRole("dialog").getByRole("link", { name: "Settings" }).click();
  await expect(page).toHaveURL(/\/settings/);
  for (const section of ["qr-codes", "webhooks", "encryption-keys"]) {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByRole("link", { name: "Phone numbers" }).click();
    await page.waitForURL(/phone-numbers/);
    const url = page.url().replace("phone-numbers", section);
    await page.goto(url);
    await expectAccessible(page, section);
  }
  for (const url of ["/bulk", "/audit"]) {
    await page.goto(url);
    await expectAccessible(page, url);
  }
});

test("no secret in the app's log", async () => {
  const log = appLog();
  expect(log.length).toBeGreaterThan(0);
  expect(occurrences([log], E2E.sandboxSecret)).toBe(0);
  expect(occurrences([log], E2E.admin.password)).toBe(0);
});

test("security headers: nonce-based CSP, no framing, no sniffing; the page still hydrates under the CSP", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to (execute|load)/i.test(m.text())) violations.push(m.text());
  });
  const res = await page.goto("/sign-in");
  const h = res!.headers();
  const csp = h["content-security-policy"] ?? "";
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(h["x-content-type-options"]).toBe("nosniff");
  expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(h["x-frame-options"]).toBe("DENY");
  // Hydrated: a client-side handler works.
  await page.getByRole("button", { name: "简体中文" }).click();
  await expect(page.getByRole("heading", { name: "登录" })).toBeVisible();
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  expect(violations).toEqual([]);
});
