/** What the benchmark does in the browser: keystroke-to-paint timings and the JS a first load transfers. */
import type { Browser, BrowserContextOptions, Page } from "playwright-core";

/**
 * Installs two hooks in the page: the time of each keydown in the search box, and a promise that
 * resolves once the table shows `query` (its data-query attribute, set from the deferred search)
 * and the browser has painted that frame (a message posted from requestAnimationFrame runs after it).
 * Plain source text: tsx would wrap a compiled function with helpers the page does not have.
 */
const INSTRUMENT = `(() => {
  // On the document: the box may be rendered anew (the list's first refresh) after this runs.
  document.addEventListener("keydown", (e) => { if (e.target && e.target.id === "phone-search") window.__benchKeyAt = performance.now(); }, { capture: true });
  window.__benchPainted = (query) => new Promise((resolve, reject) => {
    setTimeout(() => reject(new Error("the table did not show " + JSON.stringify(query) + " within 10 s")), 10000);
    const afterPaint = () => requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => resolve(performance.now() - window.__benchKeyAt);
      ch.port2.postMessage(null);
    });
    const shows = () => {
      const table = document.querySelector('[data-testid="phone-table"]');
      return !!table && table.getAttribute("data-query") === query && table.getAttribute("aria-busy") === null;
    };
    if (shows()) return afterPaint();
    const mo = new MutationObserver(() => {
      if (!shows()) return;
      mo.disconnect();
      afterPaint();
    });
    mo.observe(document.querySelector("main"), { subtree: true, childList: true, attributes: true, attributeFilter: ["data-query", "aria-busy"] });
  });
})()`;

export async function instrument(page: Page): Promise<void> {
  await page.evaluate(INSTRUMENT);
}

/** Types `keys` one at a time (a string of characters, or "Backspace"), timing each keystroke to the painted table. */
export async function timeKeystrokes(page: Page, keys: string[]): Promise<number[]> {
  const out: number[] = [];
  const input = page.locator("#phone-search");
  await input.focus();
  for (const key of keys) {
    const current = await input.inputValue();
    const next = key === "Backspace" ? current.slice(0, -1) : current + key;
    const painted = page.evaluate(`window.__benchPainted(${JSON.stringify(next)})`) as Promise<number>;
    painted.catch(() => undefined); // awaited below; keeps a failure from being "unhandled" meanwhile
    await page.keyboard.press(key === " " ? "Space" : key);
    out.push(await painted);
  }
  return out;
}

/** JS bytes a fresh browser (no cache) transfers to show `url`, compressed on the wire and decoded. */
export async function firstLoadJs(browser: Browser, storageState: BrowserContextOptions["storageState"], url: string) {
  const ctx = await browser.newContext({ storageState });
  const page = await ctx.newPage();
  await page.goto(url, { waitUntil: "networkidle" });
  const r = (await page.evaluate(`performance.getEntriesByType("resource")
    .filter((e) => e.initiatorType === "script" || /\\.js(\\?|$)/.test(e.name))
    .reduce((a, e) => ({ files: a.files + 1, transfer: a.transfer + e.transferSize, decoded: a.decoded + e.decodedBodySize }), { files: 0, transfer: 0, decoded: 0 })`)) as {
    files: number;
    transfer: number;
    decoded: number;
  };
  await ctx.close();
  return r;
}

export function percentile(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}
