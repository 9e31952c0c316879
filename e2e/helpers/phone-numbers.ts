import crypto from "node:crypto";
import { expect, type Page } from "@playwright/test";
import { sandbox } from "./sandbox";

/** The foundation's spaces exist in the dashboard; the sandbox learns about them here (409 when it already has them). */
export async function ensureSandboxSpaces() {
  await sandbox("POST", "spaces", { custSpaceId: "e2e-alpha", name: "E2E Alpha", numbers: 5 });
  await sandbox("POST", "spaces", { custSpaceId: "e2e-beta", name: "E2E Beta", numbers: 3 });
}

/** Dashboard space ids by CustSpaceId, read from Settings → Spaces (admin only). */
export async function spaceIds(page: Page): Promise<Record<string, string>> {
  await page.goto("/settings/spaces");
  const rows = page.locator("[data-space-id]");
  await expect(rows.first()).toBeVisible();
  const out: Record<string, string> = {};
  for (const row of await rows.all()) {
    const testId = (await row.getAttribute("data-testid")) ?? "";
    out[testId.replace(/^space-row-/, "")] = (await row.getAttribute("data-space-id"))!;
  }
  return out;
}

/** A Singapore mobile number nobody else uses in this run: 9 + 7 random digits. */
export function randomSgNumber(): { national: string; full: string } {
  const national = `9${crypto.randomInt(0, 10_000_000).toString().padStart(7, "0")}`;
  return { national, full: `65${national}` };
}

/** Fills the "Add number" dialog (already open) and submits it. */
/**
 * Opens the Add number dialog from the space's list. A click that lands while the list re-renders
 * (its 20 s refetch, the as-of line) can be lost on a loaded machine: click again until it is open.
 */
export async function openAddNumber(page: Page) {
  const dialog = page.getByRole("dialog");
  await expect(async () => {
    if (!(await dialog.isVisible())) await page.getByRole("button", { name: "Add number" }).first().click();
    await expect(dialog.getByRole("combobox", { name: "Country" })).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 30_000 });
}

export async function fillAddNumber(page: Page, v: { country?: string; national: string; name: string }) {
  const dialog = page.getByRole("dialog");
  if (v.country) {
    const combo = dialog.getByRole("combobox", { name: "Country" });
    await combo.fill(v.country);
    await dialog.getByRole("option", { name: new RegExp(`^${v.country}`) }).first().click();
  }
  await dialog.getByLabel("Phone number").fill(v.national);
  await dialog.getByLabel("Display name").fill(v.name);
  await dialog.getByRole("button", { name: "Add number" }).click();
}

/** Adds a number through the UI on the space's list; leaves the "Number added" step open. */
export async function addNumberViaUi(page: Page, spaceId: string, name: string) {
  const n = randomSgNumber();
  await page.goto(`/s/${spaceId}/phone-numbers`);
  await page.getByRole("button", { name: "Add number" }).click();
  await fillAddNumber(page, { country: "Singapore", national: n.national, name });
  await expect(page.getByRole("dialog").getByRole("heading", { name: "Number added" })).toBeVisible();
  return n;
}
