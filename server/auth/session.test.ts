import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import type { Database } from "@/server/db/connect";
import { openTestDatabase } from "@/server/db/test-db";
import { session as sessionTable } from "@/server/db/schema";

// The request's cookie, as the browser would send it.
const request = vi.hoisted(() => ({ cookie: "" }));
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => undefined, set: () => undefined }),
  headers: async () => new Headers(request.cookie ? { cookie: request.cookie } : {}),
}));
// getSessionUser is cached per request by React; here every call is its own request.
vi.mock("react", async (importOriginal) => ({ ...(await importOriginal<typeof import("react")>()), cache: <T,>(fn: T) => fn }));

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase("pglite");
  const g = globalThis as unknown as { __camsDb?: Database; __camsDbReady?: Promise<void> };
  g.__camsDb = database;
  g.__camsDbReady = Promise.resolve();
});
afterAll(() => database.close());

it("a session ends SESSION_ABSOLUTE_HOURS (24) after sign-in however active it is", async () => {
  const { getAuth } = await import("./auth");
  const { getSessionUser, pastAbsoluteLifetime } = await import("./session");
  const { createUserWithPassword } = await import("@/server/data/users");
  await createUserWithPassword({ name: "Long", email: "long@example.com", password: "long-password-1", isAdmin: false });
  const signedIn = await getAuth().api.signInEmail({ body: { email: "long@example.com", password: "long-password-1" }, returnHeaders: true });
  request.cookie = signedIn.headers.get("set-cookie")!.split(";")[0]!;
  expect((await getSessionUser())?.email).toBe("long@example.com");

  // Used a minute ago (idle expiry far away) but signed in 24 hours ago.
  const [s] = await database.db.select().from(sessionTable);
  await database.db
    .update(sessionTable)
    .set({ createdAt: new Date(Date.now() - 24 * 3_600_000 - 1000), updatedAt: new Date(Date.now() - 60_000), expiresAt: new Date(Date.now() + 11 * 3_600_000) })
    .where(eq(sessionTable.id, s!.id));
  expect(await getSessionUser()).toBeNull();
  expect(await database.db.select().from(sessionTable).where(eq(sessionTable.id, s!.id))).toEqual([]);

  expect(pastAbsoluteLifetime(new Date(Date.now() - 23 * 3_600_000))).toBe(false);
});
