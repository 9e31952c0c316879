import fs from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { E2E } from "./env";

/**
 * Records every response body the browser receives (HTML, RSC payloads, JSON) so a test can prove
 * a secret never reached it.
 */
export function recordResponses(page: Page): { bodies: string[] } {
  const rec = { bodies: [] as string[] };
  page.on("response", async (res) => {
    try {
      const type = res.headers()["content-type"] ?? "";
      if (/text|json|javascript|x-component/.test(type)) rec.bodies.push(await res.text());
    } catch {
      /* navigation raced the read */
    }
  });
  return rec;
}

export function occurrences(haystacks: string[], needle: string): number {
  return haystacks.reduce((n, h) => n + h.split(needle).length - 1, 0);
}

export function appLog(): string {
  const file = path.join(E2E.dataDir, "app.log");
  return fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
}
