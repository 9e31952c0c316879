import fs from "node:fs";
import path from "node:path";
import { test as base, expect, type Browser, type BrowserContext, type Response } from "@playwright/test";
import { E2E } from "./env";
import { occurrences } from "./secrets";

export { expect };

/** Header of any PEM private key (built here so no key-looking text is committed). */
const PRIVATE_KEY_HEADER = new RegExp(["-----BEGIN [A-Z0-9 ]*", "PRIVATE", " KEY-----"].join(""));

/** The sandbox secrets, the admin password and whatever specs appended to known-secrets.txt. */
export function knownSecrets(): string[] {
  const extra = path.join(E2E.dataDir, "known-secrets.txt");
  const fromSpecs = fs.existsSync(extra)
    ? fs
        .readFileSync(extra, "utf8")
        .split("\n")
        .map((s) => s.trim())
        .filter((s) => s.length >= 16)
    : [];
  return [E2E.sandboxSecret, E2E.sandbox2Secret, E2E.admin.password, ...fromSpecs];
}

export interface Body {
  url: string;
  text: string;
}

const READABLE = /text|json|javascript|x-component/;

/**
 * Build output under /_next/static/ is not read here: it is the same files for every page, already
 * on disk, and zz-secrets.spec.ts checks every one of them for the same secrets. Reading ~1 MB of
 * chunks over the DevTools protocol on each first load slowed navigations on a loaded machine.
 */
const isBuildOutput = (url: string) => url.includes("/_next/static/");

/**
 * Runs a Playwright call as an internal one (as Playwright's own helpers do): the hundreds of body
 * reads stay out of the test's steps, the reporter and the trace. Plain call if that API is gone.
 */
function quietly<T>(owner: object, call: () => Promise<T>): Promise<T> {
  const wrap = (owner as { _wrapApiCall?: (f: () => Promise<T>, o: { internal: boolean }) => Promise<T> })._wrapApiCall;
  return wrap ? wrap.call(owner, call, { internal: true }) : call();
}

/**
 * Watches every context of the browser during one test: the default `context`/`page` fixtures and
 * contexts a test opens itself with `browser.newContext()`/`browser.newPage()`. Bodies are read as
 * they arrive; closing a context first waits for the reads still in flight, so nothing is lost.
 */
export function watchBrowser(browser: Browser) {
  const bodies: Body[] = [];
  const pending = new Set<Promise<void>>();
  const watched = new Set<BrowserContext>();

  const onResponse = (res: Response) => {
    const type = res.headers()["content-type"] ?? "";
    // An event stream never ends: its body could not be read before the context closes.
    if (!READABLE.test(type) || type.includes("event-stream")) return;
    const url = res.url();
    if (isBuildOutput(url)) return;
    const read = quietly(res, () => res.text())
      .then((text) => void bodies.push({ url, text }))
      .catch(() => {
        /* redirects and bodies evicted by a navigation have nothing to read */
      })
      .finally(() => pending.delete(read));
    pending.add(read);
  };
  const flush = async () => {
    while (pending.size) await Promise.allSettled([...pending]);
  };

  const watch = (context: BrowserContext) => {
    if (watched.has(context)) return;
    watched.add(context);
    context.on("response", onResponse);
    const close = context.close.bind(context);
    context.close = async (...args: Parameters<BrowserContext["close"]>) => {
      await flush();
      return close(...args);
    };
  };

  for (const c of browser.contexts()) watch(c);
  const original = browser.newContext;
  browser.newContext = async function (this: Browser, ...args: Parameters<Browser["newContext"]>) {
    const context = await original.apply(browser, args);
    watch(context);
    return context;
  };

  return {
    bodies,
    /** Reads what is still in flight and lets go of every context (some outlive the test). */
    async stop() {
      browser.newContext = original;
      for (const c of browser.contexts()) watch(c);
      await flush();
      for (const c of watched) {
        c.off("response", onResponse);
        delete (c as Partial<BrowserContext>).close;
      }
    },
  };
}

/** What reached the browser that must not have: one line per known secret or PEM key, with the URLs. */
export function leaks(bodies: Body[]): string[] {
  const found = knownSecrets().flatMap((secret, i) => {
    const urls = bodies.filter((b) => b.text.includes(secret)).map((b) => b.url);
    return urls.length ? [`known secret #${i} (${occurrences(bodies.map((b) => b.text), secret)}×) in ${urls.join(", ")}`] : [];
  });
  const pem = bodies.filter((b) => PRIVATE_KEY_HEADER.test(b.text)).map((b) => b.url);
  return pem.length ? [...found, `a PEM private key in ${pem.join(", ")}`] : found;
}

export const test = base.extend<{ scanResponses: boolean; responsesHaveNoSecrets: void }>({
  /** Only the scanner's own test turns it off, to plant a secret and check the scanner by hand. */
  scanResponses: [true, { option: true }],
  responsesHaveNoSecrets: [
    async ({ browser, scanResponses }, use) => {
      if (!scanResponses) return use();
      const rec = watchBrowser(browser);
      await use();
      await rec.stop();
      expect(leaks(rec.bodies), "responses the browser received").toEqual([]);
    },
    { auto: true },
  ],
});
