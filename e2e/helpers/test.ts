import { test as base, expect } from "@playwright/test";
import { E2E } from "./env";
import { findingsSize, knownSecretsOf, readFindings } from "./scan";

export { expect };

/** The sandbox secrets, the admin password and whatever specs appended to known-secrets.txt. */
export function knownSecrets(): string[] {
  return knownSecretsOf({ dataDir: E2E.dataDir, fixed: [E2E.sandboxSecret, E2E.sandbox2Secret, E2E.admin.password] });
}

/**
 * What the scanning proxy (e2e/scan-proxy.ts) found in responses from now on: call the returned
 * function to read it. Findings name the secret by index and the URL, never the secret itself.
 */
export function scanFrom(): () => string[] {
  const offset = findingsSize(E2E.dataDir);
  return () => readFindings(E2E.dataDir, offset).map((f) => `${f.what} in ${f.method} ${f.url} (${f.status})`);
}

/**
 * Waits until React has hydrated an HTML page (components/providers.tsx marks <html>): a click on a
 * server-rendered button before then does nothing, which on a busy machine made specs flaky.
 */
export async function hydrated(page: import("@playwright/test").Page): Promise<void> {
  await page.locator("html[data-hydrated]").waitFor({ state: "attached", timeout: 30_000 });
}

async function afterHydration<T extends { headers(): Record<string, string> } | null>(page: import("@playwright/test").Page, response: T): Promise<T> {
  if (response && !(response.headers()["content-type"] ?? "").includes("text/html")) return response;
  await hydrated(page);
  return response;
}

/** goto and reload of this page resolve once React has hydrated what they loaded. */
function waitsForHydration(page: import("@playwright/test").Page): void {
  const goto = page.goto.bind(page);
  const reload = page.reload.bind(page);
  page.goto = async (url, options) => afterHydration(page, await goto(url, options));
  page.reload = async (options) => afterHydration(page, await reload(options));
}

export const test = base.extend<{ scanResponses: boolean; responsesHaveNoSecrets: void }, { hydratingBrowser: void }>({
  page: [
    async ({ page }, use) => {
      waitsForHydration(page);
      await use(page);
    },
    { scope: "test" },
  ],
  /**
   * Pages of contexts a spec opens itself (another user, another address) wait for hydration
   * too: their first click on a server-rendered button was lost on a loaded machine.
   */
  hydratingBrowser: [
    async ({ browser }, use) => {
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (options) => {
        const context = await newContext(options);
        context.on("page", waitsForHydration);
        return context;
      };
      await use();
      browser.newContext = newContext;
    },
    { scope: "worker", auto: true },
  ],
  /** Only the scanner's own test turns it off, to plant a secret and check the scanner by hand. */
  scanResponses: [true, { option: true }],
  /**
   * Every response of every browser context and request context of the test passed through the
   * scanning proxy; the test fails when one carried a known secret or a PEM private key.
   */
  responsesHaveNoSecrets: [
    async ({ scanResponses }, use) => {
      if (!scanResponses) return use();
      const found = scanFrom();
      await use();
      expect(found(), "responses the browser received").toEqual([]);
    },
    { auto: true },
  ],
});

/**
 * A screenshot kept with the run's results, for a person to look at. CI keeps no artifacts, so
 * there it takes none (a full-page capture and its PNG cost a renderer second on these machines).
 */
export async function keepScreenshot(page: import("@playwright/test").Page, name: string, opts: { fullPage?: boolean } = {}): Promise<void> {
  if (process.env.CI) return;
  await page.screenshot({ path: test.info().outputPath(name), ...opts });
}
