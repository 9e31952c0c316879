import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// Limits of this file's own: a low per-IP ceiling, a per-account budget that never bites first,
// and two password checks at a time.
vi.hoisted(() => {
  Object.assign(process.env, { SIGNIN_IP_MAX_PER_MINUTE: "6", SIGNIN_MAX_ATTEMPTS: "50", SIGNIN_MAX_CONCURRENT_CHECKS: "2" });
});

// How many password hashes/checks run at once, seen from inside the auth library's calls.
const load = vi.hoisted(() => ({ now: 0, max: 0 }));
vi.mock("better-auth/crypto", async (importOriginal) => {
  const real = await importOriginal<typeof import("better-auth/crypto")>();
  const counted =
    <A extends unknown[], R>(fn: (...a: A) => Promise<R>) =>
    async (...a: A) => {
      load.now++;
      load.max = Math.max(load.max, load.now);
      try {
        return await fn(...a);
      } finally {
        load.now--;
      }
    };
  return { ...real, hashPassword: counted(real.hashPassword), verifyPassword: counted(real.verifyPassword) };
});
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => undefined, set: () => undefined }),
  headers: async () => new Headers(),
}));

const { withTestDatabase } = await import("@/server/test-support");

withTestDatabase();
let server: http.Server;
let base: string;

beforeAll(async () => {
  const { installClientAddressStamp, parseTrustedProxies } = await import("@/server/client-address");
  const { getAuth } = await import("./auth");
  const { toNodeHandler } = await import("better-auth/node");
  installClientAddressStamp({ trustedProxies: parseTrustedProxies(undefined), header: "x-forwarded-for" });
  server = http.createServer(toNodeHandler(getAuth()));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
});

const signIn = (email: string, headers: Record<string, string> = {}) =>
  fetch(`${base}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: "http://localhost:3000", ...headers },
    body: JSON.stringify({ email, password: "wrong-password-1" }),
  }).then((r) => r.status);

describe("sign-in over HTTP", () => {
  it("a new X-Forwarded-For per request does not get past the per-address ceiling", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push(await signIn(`spoof-${i}@example.com`, { "x-forwarded-for": `198.51.100.${i + 1}` }));
    // Six answered (wrong password), the rest refused: every request counted against 127.0.0.1.
    expect(statuses.filter((s) => s === 401)).toHaveLength(6);
    expect(statuses.slice(6)).toEqual(Array(6).fill(429));
  });

  it("starting single sign-on shares the per-minute ceiling instead of the library's 3 per 10 s", async () => {
    // No provider is configured here: each start is answered by the library (not 429) until the ceiling.
    const start = (path: string) =>
      fetch(`${base}/api/auth/sign-in/${path}`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: "http://localhost:3000" },
        body: JSON.stringify({ provider: "oidc", providerId: "oidc", callbackURL: "/" }),
      }).then((r) => r.status);
    for (const path of ["social", "oauth2"]) {
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++) statuses.push(await start(path));
      expect(statuses.slice(0, 6).filter((s) => s === 429), path).toEqual([]);
      expect(statuses[6], path).toBe(429);
    }
  });

  it("checks at most SIGNIN_MAX_CONCURRENT_CHECKS passwords at once", async () => {
    load.max = 0;
    const { getAuth } = await import("./auth");
    // Straight into the library (no per-IP ceiling in the way): 10 at once, unknown addresses are hashed too.
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) => getAuth().api.signInEmail({ body: { email: `burst-${i}@example.com`, password: "wrong-password-1" } })),
    );
    expect(results.every((r) => r.status === "rejected")).toBe(true);
    expect(load.max).toBeGreaterThan(0);
    expect(load.max).toBeLessThanOrEqual(2);
  });
});

describe("sign-ins and sign-outs in the audit log", () => {
  it("records a failed sign-in, a success and the sign-out, each with the client address, never the password", async () => {
    const { getAuth } = await import("./auth");
    const { createUserWithPassword } = await import("@/server/data/users");
    const { getDb } = await import("@/server/db");
    const { auditEvents } = await import("@/server/db/schema");
    const { CLIENT_ADDRESS_HEADER } = await import("@/server/client-address");
    const { eq, and, like } = await import("drizzle-orm");
    const email = `audited-${crypto.randomUUID().slice(0, 8)}@example.com`;
    await createUserWithPassword({ name: "Audited", email, password: "right-password-1", isAdmin: false });
    const headers = new Headers({ [CLIENT_ADDRESS_HEADER]: "192.0.2.77" });
    await expect(getAuth().api.signInEmail({ body: { email, password: "wrong-password-1" }, headers })).rejects.toThrow();
    const ok = await getAuth().api.signInEmail({ body: { email, password: "right-password-1" }, headers, returnHeaders: true });
    const cookie = ok.headers.get("set-cookie")!.split(";")[0]!;
    await getAuth().api.signOut({ headers: new Headers({ cookie, [CLIENT_ADDRESS_HEADER]: "192.0.2.78" }) });
    const rows = await getDb()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.target, email), like(auditEvents.operation, "auth.%")))
      .orderBy(auditEvents.id);
    expect(rows.map((r) => [r.operation, r.outcome, r.errorCode, r.clientAddress, r.userEmail])).toEqual([
      ["auth.signIn", "denied", "INVALID_EMAIL_OR_PASSWORD", "192.0.2.77", null],
      ["auth.signIn", "ok", null, "192.0.2.77", email],
      ["auth.signOut", "ok", null, "192.0.2.78", email],
    ]);
    expect(JSON.stringify(rows)).not.toContain("password-1");
  });
});
