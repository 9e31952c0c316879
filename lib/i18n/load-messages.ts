import fs from "node:fs";
import path from "node:path";
import type { Locale } from "./config";

type Messages = Record<string, unknown>;
const cache = new Map<Locale, Messages>();

/**
 * messages/<locale>.json holds the shared strings; each feature adds messages/<locale>/<ns>.json,
 * merged under the key <ns>, so features can be worked on without touching one big file.
 */
export function loadMessages(locale: Locale, root = process.cwd()): Messages {
  const hit = cache.get(locale);
  if (hit) return hit;
  const dir = path.join(root, "messages");
  const base = JSON.parse(fs.readFileSync(path.join(dir, `${locale}.json`), "utf8")) as Messages;
  const featureDir = path.join(dir, locale);
  if (fs.existsSync(featureDir)) {
    for (const file of fs.readdirSync(featureDir).filter((f) => f.endsWith(".json")).sort()) {
      base[file.replace(/\.json$/, "")] = JSON.parse(fs.readFileSync(path.join(featureDir, file), "utf8"));
    }
  }
  cache.set(locale, base);
  return base;
}
