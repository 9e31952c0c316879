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

interface Body {
  url: string;
  text: string;
}

const READABLE = /text|json|javascript|x-component/;

/**
 * Watches every context of the browser during one test: the default `context`/`page` fixtures and
 * contexts a test opens itself with `browser.newContext()`/`browser.newPage()`. Bodies are read as
 * they arrive; closing a context first waits for the reads still in flight, so nothing is lost.
 */
function watchBrowser(browser: Browser) {
  const bodies: Body[] = [];
  const pending = new Set<Promise<void>>();
  const watched = new WeakSet<BrowserContext>();

  const onResponse = (res: Response) => {
    const type = res.headers()["content-type"] ?? "";
    if (!READABLE.test(type)) return;
    const read = res
      .text()
      .then((text) => void bodies.push({ url: res.url(), text }))
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
    async stop() {
      for (const c of browser.contexts()) watch(c);
      await flush();
      browser.newContext = original;
    },
  };
}

export const test = base.extend<{ responsesHaveNoSecrets: void }>({
  responsesHaveNoSecrets: [
    async ({ browser }, use) => {
      const rec = watchBrowser(browser);
      await use();
      await rec.stop();
      const texts = rec.bodies.map((b) => b.text);
      knownSecrets().forEach((secret, i) => {
        const hits = rec.bodies.filter((b) => b.text.includes(secret)).map((b) => b.url);
        expect(occurrences(texts, secret), `known secret #${i} reached the browser in ${hits.join(", ")}`).toBe(0);
      });
      const pem = rec.bodies.filter((b) => PRIVATE_KEY_HEADER.test(b.text)).map((b) => b.url);
      expect(pem, "a PEM private key reached the browser").toEqual([]);
    },
    { auto: true },
  ],
});
