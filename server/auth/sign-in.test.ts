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

let server: http.Server;
let base: string;
let close: () => Promise<void>;

beforeAll(async () => {
  const { useTestDatabase } = await import("@/server/test-support");
  const database = await useTestDatabase();
  close = () => database.close();
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
  await close();
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
