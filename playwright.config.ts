import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { defineConfig } from "@playwright/test";

/**
 * e2e runs against the production build (`next build` first: `npm test` does it), a fresh data
 * directory and two CAMS sandboxes: the main one (linked at start as the "Sandbox" account) and a
 * second one on another port for the custom-account test. Credentials are made per run and passed
 * to the tests through the environment, never written to git.
 */
const PORT = Number(process.env.E2E_PORT ?? 3100);
const SANDBOX_PORT = PORT + 1010;
const SANDBOX2_PORT = PORT + 1011;
/** The app itself listens here; the browser reaches it through the scanning proxy on PORT. */
const APP_PORT = PORT + 1020;
const dataDir = path.resolve(__dirname, PORT === 3100 ? ".e2e-data" : `.e2e-data-${PORT}`);
const resultsDir = PORT === 3100 ? "test-results" : `test-results-${PORT}`;

process.env.E2E_BASE_URL ??= `http://127.0.0.1:${PORT}`;
process.env.E2E_APP_URL ??= `http://127.0.0.1:${APP_PORT}`;
process.env.E2E_DATA_DIR ??= dataDir;
process.env.E2E_SANDBOX_URL ??= `http://127.0.0.1:${SANDBOX_PORT}`;
process.env.E2E_SANDBOX2_URL ??= `http://127.0.0.1:${SANDBOX2_PORT}`;
process.env.E2E_SANDBOX_KEY_ID ??= `LTAIe2e${crypto.randomBytes(4).toString("hex")}`;
process.env.E2E_SANDBOX_SECRET ??= crypto.randomBytes(18).toString("base64url");
process.env.E2E_SANDBOX2_KEY_ID ??= `LTAIe2eb${crypto.randomBytes(4).toString("hex")}`;
process.env.E2E_SANDBOX2_SECRET ??= crypto.randomBytes(18).toString("base64url");
// The app's per-attempt CAMS deadline: shorter than the default 10 s so the fault specs' timeouts
// take seconds, still far above what the sandbox needs under load. Specs read it from here.
process.env.CAMS_TIMEOUT_MS ??= "4000";
// The sandboxes' control API token (the app and e2e/helpers/sandbox.ts send it).
process.env.E2E_SANDBOX_CONTROL_TOKEN ??= crypto.randomBytes(18).toString("base64url");
process.env.E2E_ADMIN_PASSWORD ??= `pw-${crypto.randomBytes(8).toString("hex")}`;

/**
 * Debian's Chromium. Its headless shell (package chromium-headless-shell, what Playwright itself
 * runs headless by default) draws without the full browser's GPU process and compositor: on these
 * 2-core machines the full browser's software rendering was the largest CPU user of the run.
 */
process.env.E2E_CHROMIUM ??= ["/usr/bin/chromium-headless-shell", "/usr/bin/chromium"].find((p) => fs.existsSync(p)) ?? "/usr/bin/chromium";
const CHROMIUM = process.env.E2E_CHROMIUM;

const STANDALONE = /(sso|space-switcher|two-factor-requirement)\.spec\.ts/;

const sandboxCmd = "node --conditions=react-server --import tsx server/sandbox/cli.ts";
const secretsEnv = {
  E2E_SANDBOX_SECRET: process.env.E2E_SANDBOX_SECRET!,
  E2E_SANDBOX2_SECRET: process.env.E2E_SANDBOX2_SECRET!,
  E2E_ADMIN_PASSWORD: process.env.E2E_ADMIN_PASSWORD!,
};

export default defineConfig({
  testDir: "./e2e",
  outputDir: `./${resultsDir}`,
  // Two spec files at a time against the one server (its PGlite serves both): each spec works in
  // sandbox spaces of its own, injects faults and counts CAMS calls only for them
  // (e2e/helpers/sandbox.ts), so specs do not see each other. Tests within a file stay in order.
  fullyParallel: false,
  workers: Number(process.env.E2E_WORKERS ?? 2),
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  forbidOnly: true,
  reporter: [["list"], ["json", { outputFile: `${resultsDir}/e2e.json` }]],
  use: {
    baseURL: process.env.E2E_BASE_URL,
    launchOptions: {
      executablePath: CHROMIUM,
      args: ["--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
    // Transitions and entry animations end at once (app/globals.css honours the preference): no
    // repaint per frame, and no waiting for an element to stop moving before a click.
    reducedMotion: "reduce",
    // Tracing records a screencast and DOM snapshots of every test to keep only the failing ones':
    // a third of the run's CPU (foundation: 216 against 146 CPU-s). CI keeps no artifacts, so it runs
    // without; locally a failure still leaves its trace.
    trace: process.env.CI ? "off" : "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    { name: "foundation", testMatch: /foundation\.spec\.ts/ },
    // Specs on an app instance of their own (e2e/helpers/app-instance.ts): they need nothing of the
    // suite's server, so they start at once beside foundation instead of waiting for it.
    { name: "standalone", testMatch: STANDALONE },
    // The scanner's own check plants a secret the app then serves: alone, before the features run
    // side by side (and with only foundation's accounts, so the Sandbox account is the default).
    { name: "scanner", testMatch: /scanner\.spec\.ts/, dependencies: ["foundation"] },
    { name: "features", testIgnore: [/foundation\.spec\.ts/, /scanner\.spec\.ts/, /secrets\.spec\.ts/, STANDALONE], dependencies: ["scanner"] },
    // After every other spec: the log, the audit table, the bundles and the whole run's responses.
    { name: "secrets", testMatch: /secrets\.spec\.ts/, dependencies: ["features"] },
  ],
  webServer: [
    {
      command: sandboxCmd + ` --port ${SANDBOX_PORT}`,
      url: `${process.env.E2E_SANDBOX_URL}/_sandbox/health`,
      env: {
        CAMS_SANDBOX_ACCESS_KEY_ID: process.env.E2E_SANDBOX_KEY_ID!,
        CAMS_SANDBOX_ACCESS_KEY_SECRET: process.env.E2E_SANDBOX_SECRET!,
        CAMS_SANDBOX_CONTROL_TOKEN: process.env.E2E_SANDBOX_CONTROL_TOKEN!,
      },
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      command: sandboxCmd + ` --port ${SANDBOX2_PORT}`,
      url: `${process.env.E2E_SANDBOX2_URL}/_sandbox/health`,
      env: {
        CAMS_SANDBOX_ACCESS_KEY_ID: process.env.E2E_SANDBOX2_KEY_ID!,
        CAMS_SANDBOX_ACCESS_KEY_SECRET: process.env.E2E_SANDBOX2_SECRET!,
        CAMS_SANDBOX_CONTROL_TOKEN: process.env.E2E_SANDBOX_CONTROL_TOKEN!,
        CAMS_SANDBOX_SPACES: "custom-space-1",
      },
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      // A fresh data directory every run: the suite starts at the setup page, as a new user would.
      command: `rm -rf ${dataDir} && mkdir -p ${dataDir} && node_modules/.bin/next start -p ${APP_PORT} -H 127.0.0.1`,
      url: `http://127.0.0.1:${APP_PORT}/sign-in`,
      env: {
        NEXT_TELEMETRY_DISABLED: "1",
        DATA_DIR: dataDir,
        // No APP_URL: the default (http://localhost:PORT and http://127.0.0.1:PORT, PORT from
        // `next start -p`) is trusted, on a port other than 3000 (e2e/auth.spec.ts signs in there
        // directly). The suite itself comes through the scanning proxy's address, listed here.
        TRUSTED_ORIGINS: process.env.E2E_BASE_URL!,
        CAMS_SANDBOX_URL: process.env.E2E_SANDBOX_URL!,
        CAMS_SANDBOX_ACCESS_KEY_ID: process.env.E2E_SANDBOX_KEY_ID!,
        CAMS_SANDBOX_ACCESS_KEY_SECRET: process.env.E2E_SANDBOX_SECRET!,
        // A plain `next start` links the sandbox only when asked, as start:embedded asks.
        CAMS_SANDBOX_LINK: "1",
        CAMS_SANDBOX_CONTROL_TOKEN: process.env.E2E_SANDBOX_CONTROL_TOKEN!,
        LOG_FILE: path.join(dataDir, "app.log"),
        LOG_LEVEL: "debug",
        CAMS_TIMEOUT_MS: process.env.CAMS_TIMEOUT_MS!,
        // Reads answer from the inventory and refresh what is older than this in the background:
        // specs that change CAMS behind the console's back (the sandbox's control API) see it on
        // the next reload instead of after 30 s.
        INVENTORY_FRESH_S: "2",
        SIGNIN_MAX_ATTEMPTS: "5",
        // Every spec signs in from 127.0.0.1; the per-account throttle is still tested at 5.
        SIGNIN_IP_MAX_PER_MINUTE: "1000",
      },
      reuseExistingServer: false,
      timeout: 120_000,
    },
    {
      // Every response the browser gets passes through here and is scanned for secrets (e2e/scan-proxy.ts).
      command: `node --import tsx e2e/scan-proxy.ts --port ${PORT} --target ${APP_PORT} --data-dir ${dataDir}`,
      url: `${process.env.E2E_BASE_URL}/sign-in`,
      env: secretsEnv,
      reuseExistingServer: false,
      timeout: 120_000,
    },
  ],
});
