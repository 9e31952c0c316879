import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { camsErrorCodesIn } from "./translators";
import { loadMessages } from "./load-messages";

/**
 * The code names messages by key (a refusal's ActionError, a route's refusal, a key the browser
 * makes for a failed read) and by CAMS code; this reads the source and checks both languages have
 * every one, so a key cannot be used before it is written in English and Chinese.
 */
const ROOT = process.cwd();
const LOCALES = ["en", "zh-CN"] as const;

function sources(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "node_modules" ? [] : sources(rel);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [rel] : [];
  });
}
const FILES = ["app", "components", "lib", "server"].flatMap(sources).map((file) => ({ file, text: fs.readFileSync(path.join(ROOT, file), "utf8") }));

/** Constants in server/actions/errors.ts that stand for a key (`export const FORBIDDEN: ServerMessageKey = "forbidden"`). */
const CONSTANTS = Object.fromEntries(
  [...fs.readFileSync(path.join(ROOT, "server/actions/errors.ts"), "utf8").matchAll(/export const (\w+): ServerMessageKey = "(\w+)"/g)].map((m) => [m[1], m[2]]),
);

interface Use {
  file: string;
  arg: string;
}

/** Every place that names a server message: `new ActionError(x`, `refusal(x`, and `key: "x"` where a shown error is built. */
function serverMessageUses(): Use[] {
  const out: Use[] = [];
  for (const { file, text } of FILES) {
    // A helper's own `key: ServerMessageKey` parameter passes a key on; its callers are checked.
    const passesOn = (arg: string) => new RegExp(`\\b${arg}: ServerMessageKey\\b`).test(text);
    for (const m of text.matchAll(/new ActionError\(\s*([^,)\s]+)/g)) if (!passesOn(m[1])) out.push({ file, arg: m[1] });
    for (const m of text.matchAll(/\brefusal\(\s*([^,)\s]+)/g)) if (!passesOn(m[1])) out.push({ file, arg: m[1] });
    if (text.includes("ActionServerError")) for (const m of text.matchAll(/\bkey: ("[^"]*")/g)) out.push({ file, arg: m[1] });
  }
  return out;
}

const keyOf = (arg: string): string | undefined => (/^"[a-z][A-Za-z0-9]*"$/.test(arg) ? arg.slice(1, -1) : CONSTANTS[arg]);
const serverErrors = (locale: (typeof LOCALES)[number]) => loadMessages(locale).serverErrors as Record<string, string>;

describe("message keys used by the code", () => {
  const uses = serverMessageUses();

  it("finds the refusals of the actions, the route handlers and the browser's read errors", () => {
    const files = new Set(uses.map((u) => u.file));
    for (const f of ["server/actions/safe-action.ts", "server/actions/users.ts", "server/auth/route.ts", "components/read-error.tsx"]) expect(files, f).toContain(f);
    expect(uses.length).toBeGreaterThan(15);
  });

  it("names every server message by a key (never by English text or a computed value)", () => {
    expect(uses.filter((u) => !keyOf(u.arg)).map((u) => `${u.file}: ${u.arg}`)).toEqual([]);
  });

  it.each(LOCALES)("every key is in messages/%s/serverErrors.json, and every entry there is used", (locale) => {
    const messages = serverErrors(locale);
    const used = new Set(uses.map((u) => keyOf(u.arg)).filter((k): k is string => !!k));
    expect([...used].filter((k) => !Object.hasOwn(messages, k)), "used but missing").toEqual([]);
    expect(Object.keys(messages).filter((k) => !used.has(k)), "written but never used").toEqual([]);
  });

  it.each(LOCALES)("every CAMS code the server and the sandbox produce has its own entry in messages/%s/camsErrors.json", (locale) => {
    const known = camsErrorCodesIn(locale);
    const produced = new Set<string>();
    for (const { file, text } of FILES) {
      if (!/^(server\/(cams|sandbox|jobs|data)|lib\/cams)\//.test(file)) continue;
      for (const m of text.matchAll(/"([A-Z][A-Za-z]+\.[A-Z][A-Za-z]+)"/g)) produced.add(m[1]);
    }
    // Bulk.* are the job worker's own codes, explained under bulk.itemErrors.
    const cams = [...produced].filter((c) => !c.startsWith("Bulk."));
    expect(cams.length).toBeGreaterThan(30);
    expect(cams.filter((c) => !known.includes(c))).toEqual([]);
  });
});
