import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, type Page } from "@playwright/test";

export interface AppInstance {
  url: string;
  dataDir: string;
  stop: () => Promise<void>;
}

/**
 * A second app of its own (the production build, a fresh data directory, no sandbox) for a spec
 * that changes app-wide sign-in settings (the two-factor requirement, single sign-on), which on
 * the shared server would reach every other spec's sign-ins. Reached directly at its own port,
 * which the app trusts by default.
 */
export async function startAppInstance(port: number, env: Record<string, string> = {}): Promise<AppInstance> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "cams-e2e-app-"));
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn("node_modules/.bin/next", ["start", "-p", String(port), "-H", "127.0.0.1"], {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", DATA_DIR: dataDir, LOG_FILE: path.join(dataDir, "app.log"), LOG_LEVEL: "info", CAMS_SANDBOX_LINK: "0", INVENTORY_SWEEP: "0", ...env },
    stdio: "ignore",
  });
  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  await expect
    .poll(async () => fetch(`${url}/sign-in`, { redirect: "manual" }).then((r) => r.status, () => 0), { timeout: 90_000, intervals: [500] })
    .toBeGreaterThan(0);
  return {
    url,
    dataDir,
    stop: async () => {
      // next start closes gracefully on SIGTERM and waits for open connections (a page's keep-alive
      // sockets) to end: seen waiting minutes in CI. After 5 s it is killed.
      child.kill("SIGTERM");
      const killer = setTimeout(() => child.kill("SIGKILL"), 5_000);
      await exited;
      clearTimeout(killer);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The setup page of a fresh instance: the first administrator, with the token the app wrote. */
export async function setUpFirstAdmin(page: Page, app: AppInstance, admin: { name: string; email: string; password: string }) {
  await page.goto(`${app.url}/setup`);
  await page.getByLabel("Name").fill(admin.name);
  await page.getByLabel("E-mail").fill(admin.email);
  await page.getByLabel("Password", { exact: true }).fill(admin.password);
  await page.getByLabel("Confirm password").fill(admin.password);
  await page.getByLabel("Setup token").fill(fs.readFileSync(path.join(app.dataDir, "setup.token"), "utf8").trim());
  await page.getByRole("button", { name: "Create administrator" }).click();
  await expect(page.getByTestId("user-menu")).toBeVisible({ timeout: 30_000 });
}
