import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { expect, scanFrom, test } from "./helpers/test";
import { signInAsAdmin } from "./helpers/auth";
import { E2E } from "./helpers/env";
import { linkSpace, sandboxSpace } from "./helpers/keys";
import { sandbox } from "./helpers/sandbox";
import { acknowledge, readFindings } from "./helpers/scan";

/**
 * The scanner's own check, in its own Playwright project after foundation and before the feature
 * specs: the secret it plants is served by the app while it runs, and specs running side by side
 * (two workers) would see it in their all-spaces reads.
 */
const run = crypto.randomBytes(3).toString("hex");

test.describe("the response scanner (scan-proxy.ts, helpers/test.ts)", () => {
  // Off for this test only: it plants secrets on purpose and checks the scanner by hand.
  test.use({ scanResponses: false });

  test("finds a planted secret, a PEM private key and a session token in app pages and reads of a context the test opened itself", async ({ browser }) => {
    const cust = `e2e-scanner-${run}`;
    // A fresh "secret" only this run knows, carried by a CAMS answer the app renders, as a leaked
    // AccessKey secret would be; and a PEM private-key header the same way.
    const planted = `planted-${crypto.randomBytes(12).toString("hex")}`;
    fs.appendFileSync(path.join(E2E.dataDir, "known-secrets.txt"), `${planted}\n`);
    const pem = ["-----BEGIN", " PRIVATE", " KEY-----"].join("");
    await sandbox("POST", "spaces", { custSpaceId: cust, name: "Scanner", numbers: 3 });
    const [one, two, three] = (await sandboxSpace(cust)).phoneNumbers;
    await sandbox("PATCH", `numbers/${one!.phoneNumber}`, { VerifiedName: `probe ${planted}` });
    await sandbox("PATCH", `numbers/${two!.phoneNumber}`, { VerifiedName: `probe ${pem}` });

    const found = scanFrom();
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInAsAdmin(page);
    // The session's own token, as a page would leak it: the proxy saw the app set it as a cookie.
    const cookie = (await context.cookies()).find((c) => c.name.includes("session_token"))!;
    const token = decodeURIComponent(cookie.value).split(".")[0]!;
    expect(token.length).toBeGreaterThanOrEqual(16);
    await sandbox("PATCH", `numbers/${three!.phoneNumber}`, { VerifiedName: `probe ${token}` });
    const spaceId = await linkSpace(page, "Scanner", cust);
    await page.goto(`/s/${spaceId}/phone-numbers`);
    await expect(page.getByText(`probe ${planted}`)).toBeVisible();
    // A read made by the page's own script (TanStack Query's JSON endpoint) is scanned too.
    const read = await page.evaluate((u) => fetch(u).then((r) => r.status), `/api/spaces/${spaceId}/phone-numbers`);
    expect(read).toBe(200);
    await context.close();

    const report = found();
    expect(report.some((l) => /^known secret #\d+ in GET \/s\/[^/]+\/phone-numbers/.test(l)), report.join("\n")).toBe(true);
    expect(report.some((l) => /^a PEM private key in GET \/s\/[^/]+\/phone-numbers/.test(l)), report.join("\n")).toBe(true);
    expect(report.some((l) => /^a session token in GET \/s\/[^/]+\/phone-numbers/.test(l)), report.join("\n")).toBe(true);
    expect(report.some((l) => l.includes(`/api/spaces/${spaceId}/phone-numbers`)), report.join("\n")).toBe(true);
    // Nothing of the secret itself is in the report.
    expect(report.join("\n")).not.toContain(planted);
    expect(report.join("\n")).not.toContain(token);

    // Clean up so no later read serves the probe: the console's copy of the space goes with the
    // space (the inventory keeps what CAMS answered), then what was planted is accepted.
    await sandbox("PATCH", `numbers/${one!.phoneNumber}`, { VerifiedName: "Scanner One" });
    await sandbox("PATCH", `numbers/${two!.phoneNumber}`, { VerifiedName: "Scanner Two" });
    await sandbox("PATCH", `numbers/${three!.phoneNumber}`, { VerifiedName: "Scanner Three" });
    const admin = await browser.newContext();
    const p = await admin.newPage();
    await signInAsAdmin(p);
    await p.goto("/settings/spaces");
    await p.getByRole("button", { name: "Delete: Scanner" }).click();
    const dialog = p.getByRole("dialog");
    await dialog.getByLabel("Space name").fill("Scanner");
    await dialog.getByRole("button", { name: "Delete" }).click();
    await expect(p.getByTestId(`space-row-${cust}`)).toHaveCount(0);
    await admin.close();
    acknowledge(E2E.dataDir, readFindings(E2E.dataDir));
  });
});

