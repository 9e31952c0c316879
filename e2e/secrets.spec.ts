import fs from "node:fs";
import path from "node:path";
import { expect, knownSecrets, test } from "./helpers/test";
import { E2E } from "./helpers/env";
import { readFindings } from "./helpers/scan";
import { signInAsAdmin } from "./helpers/auth";
import { appLog, occurrences } from "./helpers/secrets";

function files(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

/** Runs last (its own project, after every other): the known secrets appear nowhere they must not. */
test("no known secret in the log, the audit table or the client bundles", async ({ page }) => {
  const secrets = knownSecrets();
  const log = appLog();
  expect(log.length).toBeGreaterThan(1000);

  await signInAsAdmin(page);
  const csv = await (await page.request.get("/api/audit/export")).text();
  expect(csv.split("\r\n").length).toBeGreaterThan(10);

  const distDir = path.resolve(process.env.NEXT_DIST_DIR || ".next", "static");
  const bundles = files(distDir).filter((f) => f.endsWith(".js")).map((f) => fs.readFileSync(f, "utf8"));
  expect(bundles.length).toBeGreaterThan(5);

  for (const s of secrets) {
    expect(occurrences([log], s), "log").toBe(0);
    expect(occurrences([csv], s), "audit").toBe(0);
    expect(occurrences(bundles, s), "bundles").toBe(0);
  }
  // Server-only code never ships to the browser.
  for (const marker of ["access_key_secret_enc", "accessKeySecretEnc", "ENCRYPTION_OLD_KEYS"]) {
    expect(occurrences(bundles, marker), marker).toBe(0);
  }
  expect(log).not.toMatch(/-----BEGIN [A-Z ]*PRIVATE KEY-----/);
  // Whatever the scanning proxy saw in any response of the whole run, including ones that ended
  // after their test did (prefetches, reads of a closed page).
  expect(readFindings(E2E.dataDir).map((f) => `${f.what} in ${f.method} ${f.url}`), "responses of the whole run").toEqual([]);
});
