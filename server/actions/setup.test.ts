import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it, vi } from "vitest";
import { appSettings, user } from "@/server/db/schema";
import { withTestDatabase } from "@/server/test-support";
import { ensureSetupToken } from "@/server/auth/setup-token";
import { isSetupCompleted } from "@/server/data/settings";
import { dataDir } from "@/server/db";
import { createFirstAdminAction } from "./setup";

// A data directory of this file's own, for the token file.
const dir = vi.hoisted(() => {
  const d = `${process.env.TMPDIR ?? "/tmp"}/cams-setup-${Math.random().toString(36).slice(2)}`;
  process.env.DATA_DIR = d;
  return d;
});
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => undefined, set: () => undefined }),
  headers: async () => new Headers(),
}));

const database = withTestDatabase();
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const input = (setupToken: string, email = "first@example.com") => ({ setupToken, name: "First", email, password: "first-password-1", confirmPassword: "first-password-1" });

describe("first-run setup", () => {
  it("needs the one-time token from DATA_DIR (mode 0600)", async () => {
    expect(dataDir()).toBe(dir);
    const token = ensureSetupToken(dir);
    expect(fs.statSync(path.join(dir, "setup.token")).mode & 0o777).toBe(0o600);
    expect(token.length).toBeGreaterThanOrEqual(40);
    const wrong = await createFirstAdminAction(input("guess"));
    expect(wrong.serverError?.httpStatus).toBe(403);
    expect(wrong.serverError?.message).toMatch(/setup token is wrong/);
    expect(await isSetupCompleted()).toBe(false);
    expect(await database.db.select().from(user)).toEqual([]);
  });

  it("a failure while creating the admin leaves setup open (one transaction)", async () => {
    const token = ensureSetupToken(dir);
    // Someone with that address already exists: the insert fails after the claim, and both roll back.
    await database.db.insert(user).values({ id: "taken", name: "Taken", email: "taken@example.com" });
    const failed = await createFirstAdminAction(input(token, "taken@example.com"));
    expect(failed.data).toBeUndefined();
    expect(await isSetupCompleted()).toBe(false);
    expect(await database.db.select().from(appSettings)).toEqual([]);
    expect(fs.existsSync(path.join(dir, "setup.token"))).toBe(true);
    await database.db.delete(user).where(eq(user.id, "taken"));
  });

  it("the right token creates the admin and closes setup for good; the token is gone", async () => {
    const token = ensureSetupToken(dir);
    const ok = await createFirstAdminAction(input(token));
    expect(ok.data).toEqual({ ok: true });
    expect(await isSetupCompleted()).toBe(true);
    const [admin] = await database.db.select().from(user).where(eq(user.email, "first@example.com"));
    expect(admin?.role).toBe("admin");
    expect(fs.existsSync(path.join(dir, "setup.token"))).toBe(false);
    // Even with a fresh token file, a second run is refused.
    const again = await createFirstAdminAction(input(ensureSetupToken(dir), "second@example.com"));
    expect(again.serverError?.httpStatus).toBe(403);
    expect(await database.db.select().from(user).where(eq(user.email, "second@example.com"))).toEqual([]);
  });
});
