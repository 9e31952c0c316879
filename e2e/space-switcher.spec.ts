import crypto from "node:crypto";
import pg from "pg";
import { expect, hydrated, test } from "./helpers/test";
import { expectAccessible } from "./helpers/axe";
import { setUpFirstAdmin, startAppInstance } from "./helpers/app-instance";

// A port of this spec's own (the config's are PORT + 1010…1020, two-factor's + 1030, sso's + 1032).
const OWN_APP_PORT = Number(process.env.E2E_PORT ?? 3100) + 1034;
const SERVER = process.env.E2E_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const SPACES = 60;
const fleet = (i: number) => `Fleet ${String(i).padStart(3, "0")}`;

// On an app of its own, reached at its own port: nothing passes the suite's scanning proxy.
test.use({ scanResponses: false });

/**
 * An administrator of more spaces than the layout ships (50): the switcher lists the first ones
 * and finds the others by typing; a space outside them is named from its URL and after a reload.
 * On an app of this spec's own, on a PostgreSQL database of its own, so that 60 spaces are made
 * in one statement and no other spec's All-spaces views see them.
 */
test("the space switcher of 60 spaces: first 50 listed, the rest found by typing, chosen by keyboard, named after a reload; failed spaces listed 5 at first; Add number finds its space by typing", async ({ page }) => {
  test.setTimeout(180_000);
  const dbName = `e2e_switcher_${crypto.randomBytes(4).toString("hex")}`;
  const server = new pg.Client({ connectionString: SERVER });
  await server.connect();
  await server.query(`CREATE DATABASE ${dbName}`);
  const dbUrl = new URL(SERVER);
  dbUrl.pathname = `/${dbName}`;
  const app = await startAppInstance(OWN_APP_PORT, { DATABASE_URL: dbUrl.toString() });
  const db = new pg.Client({ connectionString: dbUrl.toString() });
  try {
    const admin = { name: "Fleet Admin", email: `fleet-${dbName}@e2e.test`, password: `fleet-${dbName}-password` };
    await setUpFirstAdmin(page, app, admin);
    await db.connect();
    await db.query(
      `INSERT INTO spaces (id, name, cust_space_id) SELECT gen_random_uuid()::text, 'Fleet ' || lpad(i::text, 3, '0'), 'fleet-cust-' || i FROM generate_series(0, $1 - 1) AS i`,
      [SPACES],
    );
    const ids = new Map((await db.query<{ id: string; name: string }>("SELECT id, name FROM spaces")).rows.map((r) => [r.name, r.id]));

    // A page carries the first 50 spaces by name for the switcher, not the other 10.
    const html = await (await page.request.get(`${app.url}/s/${ids.get(fleet(0))}/phone-numbers`)).text();
    expect(html.includes(fleet(49)), `${fleet(49)} in the page`).toBe(true);
    expect(html.includes(fleet(50)), `${fleet(50)} in the page`).toBe(false);

    await page.goto(`${app.url}/s/all/phone-numbers`);
    await hydrated(page);
    const switcher = page.getByTestId("space-switcher");
    await expect(switcher).toContainText("All spaces");
    await switcher.click();
    const list = page.getByRole("listbox", { name: "Switch space" });
    await expect(list.getByRole("option")).toHaveCount(51);
    await expect(list.getByRole("option").nth(1)).toHaveText(fleet(0));
    await expect(page.getByText("50 of 60 spaces: type to find the others")).toBeVisible();
    await expectAccessible(page, "space switcher open");

    // Typing asks the server: Fleet 050…059 are found, and the eighth is chosen with the keyboard.
    await page.getByRole("combobox", { name: "Find a space" }).fill("fleet 05");
    await expect(list.getByRole("option")).toHaveText(Array.from({ length: 10 }, (_, i) => fleet(50 + i)));
    for (let i = 0; i < 7; i++) await page.keyboard.press("ArrowDown");
    await expect(list.getByRole("option", { name: fleet(57) })).toHaveClass(/bg-accent/);
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(`${app.url}/s/${ids.get(fleet(57))}/phone-numbers`);
    await expect(switcher).toHaveText(fleet(57));

    // The choice is remembered: a fresh load of a page outside a space names it from the layout.
    await expect.poll(async () => (await db.query("SELECT last_space_id FROM \"user\" WHERE email = $1", [admin.email])).rows[0]?.last_space_id).toBe(ids.get(fleet(57)));
    await page.goto(`${app.url}/settings/spaces`);
    await expect(switcher).toHaveText(fleet(57));

    // A space outside the shipped ones, opened by its URL: looked up and named.
    await page.goto(`${app.url}/s/${ids.get(fleet(55))}/phone-numbers`);
    await expect(switcher).toHaveText(fleet(55));
    await switcher.click();
    await page.getByRole("combobox", { name: "Find a space" }).fill("no such fleet");
    await expect(page.getByText("No space matches “no such fleet”.")).toBeVisible();
    await expect(list.getByRole("option")).toHaveCount(0);
    await page.keyboard.press("Escape");
    await expect(list).toBeHidden();

    // 60 spaces without a cloud account fail to be read: the All-spaces list names the first 5, the rest on request.
    await page.goto(`${app.url}/s/all/phone-numbers`);
    const failed = page.locator('[data-testid^="space-failed-"]');
    await expect(page.getByText("60 of 60 spaces could not be read from CAMS")).toBeVisible();
    await expect(failed).toHaveCount(5);
    await page.getByRole("button", { name: "Show all 60 spaces" }).click();
    await expect(failed).toHaveCount(60);
    await page.getByRole("button", { name: "Show fewer" }).click();
    await expect(failed).toHaveCount(5);

    // Add number on All spaces offers the first 50 spaces one may change; typing finds the others.
    await page.getByRole("button", { name: "Add number" }).click();
    const dialog = page.getByRole("dialog");
    const spaceSelect = dialog.getByLabel("Space", { exact: true });
    await expect(spaceSelect.locator("option")).toHaveCount(50);
    await expect(spaceSelect).toHaveValue(ids.get(fleet(0))!);
    await expect(dialog.getByText("50 of 60 spaces: type to find the others")).toBeVisible();
    const filter = dialog.getByRole("searchbox", { name: "Find a space" });
    // Typing before anything was chosen chooses the first match.
    await filter.fill("fleet 05");
    await expect(spaceSelect).toHaveValue(ids.get(fleet(50))!);
    await expect(spaceSelect.locator("option")).toHaveText(Array.from({ length: 10 }, (_, i) => fleet(50 + i)));
    await spaceSelect.selectOption({ label: fleet(57) });
    // A chosen space is kept, and stays offered, under another filter.
    await filter.fill("fleet 00");
    await expect(spaceSelect.locator("option")).toHaveText([fleet(57), ...Array.from({ length: 10 }, (_, i) => fleet(i))]);
    await expect(spaceSelect).toHaveValue(ids.get(fleet(57))!);
    await filter.fill("no such fleet");
    await expect(dialog.getByText("No space you may change matches “no such fleet”.")).toBeVisible();
    await expect(spaceSelect).toHaveValue(ids.get(fleet(57))!);
    await expectAccessible(page, "add number: space picker");
  } finally {
    await db.end().catch(() => {});
    await app.stop();
    await server.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => {});
    await server.end();
  }
});
