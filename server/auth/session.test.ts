import { request } from "./test-request";
import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { session as sessionTable } from "@/server/db/schema";
import { withTestDatabase } from "@/server/test-database";

const database = withTestDatabase();

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
