import { describe, expect, it } from "vitest";
import { loadMessages } from "./load-messages";

function keys(obj: unknown, prefix = ""): string[] {
  if (typeof obj !== "object" || obj === null) return [prefix];
  return Object.entries(obj).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}
const get = (o: unknown, path: string) => path.split(".").reduce((x: unknown, k) => (x as Record<string, unknown>)?.[k], o);
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)[,}]/g)].map((m) => m[1]).sort();

describe("messages", () => {
  const en = loadMessages("en");
  const zh = loadMessages("zh-CN");

  it("English and Chinese have exactly the same keys", () => {
    const a = keys(en).sort();
    const b = keys(zh).sort();
    expect(a.filter((k) => !b.includes(k))).toEqual([]);
    expect(b.filter((k) => !a.includes(k))).toEqual([]);
    expect(a.length).toBeGreaterThan(100);
  });

  it("uses the same placeholders and no empty strings in both languages", () => {
    for (const k of keys(en)) {
      const e = get(en, k);
      const z = get(zh, k);
      expect(typeof e, k).toBe("string");
      expect(typeof z, k).toBe("string");
      expect((e as string).trim(), k).not.toBe("");
      expect((z as string).trim(), k).not.toBe("");
      expect(placeholders(z as string), k).toEqual(placeholders(e as string));
    }
  });
});
