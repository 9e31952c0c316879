import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// A database of its own (embedded PGlite in a temporary directory) and the limits the e2e server uses.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cams-throttle-"));
Object.assign(process.env, {
  DATA_DIR: dir,
  SIGNIN_MAX_ATTEMPTS: "5",
  SIGNIN_WINDOW_SECONDS: "60",
  SIGNIN_MAX_DELAY_SECONDS: "900",
  SIGNIN_ACCOUNT_MAX_ATTEMPTS: "12",
});
delete process.env.DATABASE_URL;

let throttle: typeof import("./throttle");
let db: typeof import("@/server/db");
let schema: typeof import("@/server/db/schema");

beforeAll(async () => {
  db = await import("@/server/db");
  await db.ensureMigrated();
  throttle = await import("./throttle");
  schema = await import("@/server/db/schema");
});
afterAll(async () => {
  await db.getDatabase().close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const A = "198.51.100.1";
const B = "198.51.100.2";
const eqKey = (key: string) => eq(schema.rateLimit.key, key);
const keys = async () => (await db.getDb().select({ key: schema.rateLimit.key }).from(schema.rateLimit)).map((r) => r.key).sort();

describe("takeSignInAttempt", () => {
  it("lets exactly the limit through when 40 attempts for one address and client arrive at once", async () => {
    const now = Date.now();
    const waits = await Promise.all(Array.from({ length: 40 }, () => throttle.takeSignInAttempt("burst@e2e.test", A, now)));
    expect(waits.filter((w) => w === 0)).toHaveLength(5);
    expect(new Set(waits.filter((w) => w > 0))).toEqual(new Set([60]));
  });

  it("a stranger's failures delay only the stranger's client: the owner's client goes ahead", async () => {
    const now = Date.now();
    for (let i = 0; i < 5; i++) await throttle.takeSignInAttempt("victim@e2e.test", A, now);
    expect(await throttle.takeSignInAttempt("victim@e2e.test", A, now)).toBe(60);
    expect(await throttle.takeSignInAttempt("victim@e2e.test", B, now)).toBe(0);
    expect(await throttle.takeSignInAttempt("other@e2e.test", A, now)).toBe(0);
  });

  it("the delay grows with each failure past the free ones, up to the maximum; refused attempts do not push it out", async () => {
    const email = "slow@e2e.test";
    let t = 1_000_000;
    for (let i = 0; i < 5; i++) expect(await throttle.takeSignInAttempt(email, A, t + i * 1000)).toBe(0);
    t += 4000; // the fifth failure
    expect(await throttle.takeSignInAttempt(email, A, t + 10_000)).toBe(50);
    expect(await throttle.takeSignInAttempt(email, A, t + 59_500)).toBe(1);
    // 60 s after the fifth: one more try, then 120 s, 240 s, 480 s, then 900 s (the maximum).
    let wait = 60;
    for (const delay of [120, 240, 480, 900, 900]) {
      t += wait * 1000;
      expect(await throttle.takeSignInAttempt(email, A, t)).toBe(0);
      expect(await throttle.takeSignInAttempt(email, A, t + 1)).toBe(delay);
      wait = delay;
    }
  });

  it("after a quiet window past the delay the count starts again", async () => {
    const t0 = 5_000_000;
    for (let i = 0; i < 5; i++) await throttle.takeSignInAttempt("quiet@e2e.test", A, t0);
    expect(await throttle.takeSignInAttempt("quiet@e2e.test", A, t0 + 1000)).toBe(59);
    for (let i = 0; i < 5; i++) expect(await throttle.takeSignInAttempt("quiet@e2e.test", A, t0 + 120_000)).toBe(0);
  });

  it("a success clears this client's count and makes it a known client of the account", async () => {
    const now = Date.now();
    for (let i = 0; i < 5; i++) await throttle.takeSignInAttempt("ok@e2e.test", A, now);
    expect(await throttle.takeSignInAttempt("ok@e2e.test", A, now)).toBeGreaterThan(0);
    await throttle.clearSignInFailures("ok@e2e.test", A, now);
    expect(await throttle.takeSignInAttempt("ok@e2e.test", A, now)).toBe(0);
  });

  it("failures spread over many clients delay unknown clients of the account; a client that signed in recently still goes ahead", async () => {
    const email = "spread@e2e.test";
    const now = Date.now();
    await throttle.clearSignInFailures(email, "203.0.113.50", now - 86_400_000); // the owner signed in yesterday
    // 12 failures from 12 addresses: the account's own budget.
    for (let i = 0; i < 12; i++) expect(await throttle.takeSignInAttempt(email, `192.0.2.${i + 1}`, now)).toBe(0);
    expect(await throttle.takeSignInAttempt(email, "192.0.2.99", now)).toBe(60);
    expect(await throttle.takeSignInAttempt(email, "203.0.113.50", now)).toBe(0);
    // The refused client's attempt was given back: its own budget is untouched.
    const [row] = await db.getDb().select().from(schema.rateLimit).where(eqKey(`signin-fail:${email}|192.0.2.99`));
    expect(row?.count).toBe(0);
  });

  it("counts only syntactically valid e-mail addresses", async () => {
    const before = await keys();
    for (let i = 0; i < 10; i++) expect(await throttle.takeSignInAttempt(`not-an-email-${i}`, A)).toBe(0);
    expect(await throttle.takeSignInAttempt(`${"x".repeat(300)}@e2e.test`, A)).toBe(0);
    expect(await keys()).toEqual(before);
  });
});

describe("unlock and purge", () => {
  it("an admin's unlock lifts every delay of the account and no other", async () => {
    const now = Date.now();
    for (const c of [A, B]) for (let i = 0; i < 5; i++) await throttle.takeSignInAttempt("lock_ed@e2e.test", c, now);
    for (let i = 0; i < 5; i++) await throttle.takeSignInAttempt("lockxed@e2e.test", A, now); // "_" must not match "x"
    expect((await throttle.delayedEmails(now)).has("lock_ed@e2e.test")).toBe(true);
    expect(await throttle.unlockSignIn("LOCK_ED@e2e.test")).toBe(3); // two clients + the account's record
    expect((await throttle.delayedEmails(now)).has("lock_ed@e2e.test")).toBe(false);
    expect(await throttle.takeSignInAttempt("lock_ed@e2e.test", A, now)).toBe(0);
    expect(await throttle.takeSignInAttempt("lockxed@e2e.test", A, now)).toBe(60);
  });

  it("purges failure records once their longest delay is over, known clients after 30 days, the per-address counters after a day", async () => {
    const t = 10_000_000_000;
    const rows = [
      { key: "signin-fail:p1@e2e.test|192.0.2.1", lastRequest: t - 961_000 },
      { key: "signin-fail:p2@e2e.test|192.0.2.1", lastRequest: t - 1000 },
      { key: "signin-ok:p1@e2e.test|192.0.2.1", lastRequest: t - 31 * 86_400_000 },
      { key: "signin-ok:p2@e2e.test|192.0.2.1", lastRequest: t - 86_400_000 },
      { key: "192.0.2.1|/sign-in/email", lastRequest: t - 86_401_000 },
      { key: "192.0.2.2|/sign-in/email", lastRequest: t - 1000 },
    ];
    await db
      .getDb()
      .insert(schema.rateLimit)
      .values(rows.map((r) => ({ id: crypto.randomUUID(), count: 7, ...r })));
    await throttle.purgeExpiredThrottles(t);
    const left = new Set(await keys());
    expect(rows.map((r) => left.has(r.key))).toEqual([false, true, false, true, false, true]);
  });
});
