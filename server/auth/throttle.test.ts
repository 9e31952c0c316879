import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// A database of its own (embedded PGlite in a temporary directory) and the limits the e2e server uses.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cams-throttle-"));
Object.assign(process.env, { DATA_DIR: dir, SIGNIN_MAX_ATTEMPTS: "5", SIGNIN_WINDOW_SECONDS: "60" });
delete process.env.DATABASE_URL;

let throttle: typeof import("./throttle");
let db: typeof import("@/server/db");

beforeAll(async () => {
  db = await import("@/server/db");
  await db.ensureMigrated();
  throttle = await import("./throttle");
});
afterAll(async () => {
  await db.getDatabase().close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("takeSignInAttempt", () => {
  it("lets exactly the limit through when 40 attempts for one address arrive at once", async () => {
    const now = Date.now();
    const waits = await Promise.all(Array.from({ length: 40 }, () => throttle.takeSignInAttempt("burst@e2e.test", now)));
    expect(waits.filter((w) => w === 0)).toHaveLength(5);
    expect(new Set(waits.filter((w) => w > 0))).toEqual(new Set([60]));
  });

  it("counts per address: another one is unaffected", async () => {
    expect(await throttle.takeSignInAttempt("other@e2e.test")).toBe(0);
  });

  it("refused attempts do not push the wait out; after a quiet window the count starts again", async () => {
    const t0 = 1_000_000;
    for (let i = 0; i < 5; i++) expect(await throttle.takeSignInAttempt("slow@e2e.test", t0 + i * 1000)).toBe(0);
    // The fifth attempt was at t0 + 4 s: the wait ends at t0 + 64 s, however often it is tried meanwhile.
    expect(await throttle.takeSignInAttempt("slow@e2e.test", t0 + 10_000)).toBe(54);
    expect(await throttle.takeSignInAttempt("slow@e2e.test", t0 + 50_000)).toBe(14);
    expect(await throttle.takeSignInAttempt("slow@e2e.test", t0 + 63_500)).toBe(1);
    expect(await throttle.takeSignInAttempt("slow@e2e.test", t0 + 64_000)).toBe(0);
  });

  it("a success clears the count", async () => {
    const now = Date.now();
    for (let i = 0; i < 5; i++) await throttle.takeSignInAttempt("ok@e2e.test", now);
    expect(await throttle.takeSignInAttempt("ok@e2e.test", now)).toBeGreaterThan(0);
    await throttle.clearSignInFailures("ok@e2e.test");
    expect(await throttle.takeSignInAttempt("ok@e2e.test", now)).toBe(0);
  });
});
