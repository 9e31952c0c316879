import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";

/** Every zod schema exported from lib/schemas, found automatically. */
async function allSchemas(): Promise<[string, z.ZodType][]> {
  const dir = path.join(process.cwd(), "lib", "schemas");
  const out: [string, z.ZodType][] = [];
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))) {
    const mod = await import(/* @vite-ignore */ path.join(dir, file));
    for (const [name, value] of Object.entries(mod)) if (value instanceof z.ZodType) out.push([`${file}:${name}`, value]);
  }
  return out;
}

const hostileString = fc.oneof(
  fc.string({ maxLength: 50 }),
  fc.string({ unit: "grapheme", maxLength: 50 }),
  fc.string({ unit: "binary", maxLength: 50 }),
  fc.constantFrom("", " ", "\u0000", "\n\r\t", "<script>alert(1)</script>", "javascript:alert(1)", "' OR 1=1 --", "😀".repeat(200), "中".repeat(300), "a".repeat(100_000), `-----BEGIN ${"PRIVATE"} KEY-----`, "__proto__", "http://169.254.169.254/"),
);
const hostileValue = fc.oneof(
  hostileString,
  fc.integer(),
  fc.double(),
  fc.constantFrom(Number.MAX_SAFE_INTEGER * 1e6, -0, Number.NaN, Infinity, null, undefined, true, [], {}),
  fc.array(fc.string(), { maxLength: 3 }),
);

function keysOf(schema: z.ZodType): string[] {
  const shape = (schema as unknown as { shape?: Record<string, unknown> }).shape ?? (schema as { _zod?: { def?: { shape?: Record<string, unknown> } } })._zod?.def?.shape;
  return shape ? Object.keys(shape) : [];
}

const RUNS = 400;

describe("hostile input against every schema", () => {
  it("never throws, and refuses objects field by field", async () => {
    const schemas = await allSchemas();
    expect(schemas.length).toBeGreaterThan(10);
    let inputs = 0;
    for (const [name, schema] of schemas) {
      const keys = keysOf(schema);
      const objectInput = keys.length
        ? fc.record(Object.fromEntries(keys.map((k) => [k, hostileValue])), { requiredKeys: [] })
        : fc.anything();
      const polluted = fc.constantFrom(
        JSON.parse('{"__proto__":{"admin":true},"constructor":{"prototype":{"x":1}}}'),
        Object.fromEntries(keys.map((k) => [k, "x".repeat(10_000)])),
      );
      fc.assert(
        fc.property(fc.oneof(objectInput, fc.anything(), polluted), (input) => {
          inputs++;
          const r = schema.safeParse(input);
          if (!r.success && input && typeof input === "object" && !Array.isArray(input) && keys.length) {
            for (const issue of r.error.issues) expect(issue.path.length, `${name}: root-level refusal ${issue.message}`).toBeGreaterThan(0);
          }
          expect(({} as Record<string, unknown>).admin, "prototype polluted").toBeUndefined();
        }),
        { numRuns: RUNS },
      );
    }
    expect(inputs).toBeGreaterThanOrEqual(schemas.length * RUNS);
    console.log(`hostile schema inputs: ${inputs} across ${schemas.length} schemas`);
  });
});
