import "server-only";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, vi } from "vitest";
import type { SessionUser } from "@/server/auth/session";
import type { Database } from "@/server/db/connect";
import { spaceMembers, spaces, user } from "@/server/db/schema";
import { defaultTestEngine, type Engine } from "@/server/db/test-db";
import type { SandboxHandle } from "@/server/sandbox/server";
import type { sandboxApi } from "@/server/jobs/test-helpers";
import { filledBeforeAll, withTestDatabase } from "@/server/test-database";

// Here beside this module's mocks for the files that import it; test-database.ts has them without.
export { installTestDatabase, withTestDatabase } from "@/server/test-database";

/** The signed-in user the mocked session returns; null = anonymous. */
export const session: { user: SessionUser | null; token?: string | null } = { user: null };

/**
 * Replaces the request-bound pieces for the modules the current test file imports from now on: the
 * session comes from `session.user`, cache revalidation (which needs a Next request) does nothing,
 * and next-intl's server helpers, which cannot read a request's locale outside one (and outside
 * React's server condition), translate with the English messages from disk. Importing this module
 * does it; vitest.shared-setup.ts does it again for every file of a worker that keeps its modules.
 */
export function mockRequestScope(): void {
  vi.doMock("@/server/auth/session", async (importOriginal) => {
    const real = await importOriginal<typeof import("@/server/auth/session")>();
    return { ...real, getSessionUser: async () => session.user, currentSessionToken: async () => session.token ?? null };
  });
  vi.doMock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));
  vi.doMock("next-intl/server", async () => {
    const { translatorFor } = await import("@/lib/i18n/translators");
    return { getTranslations: async (namespace: string) => translatorFor("en", namespace), getLocale: async () => "en" };
  });
}
mockRequestScope();

export interface RoleFixture {
  admin: SessionUser;
  operator: SessionUser;
  viewer: SessionUser;
  otherOperator: SessionUser;
  spaceId: string;
  otherSpaceId: string;
}

/** Two spaces; an operator and a viewer of the first, an operator of the second, and an admin. */
export async function seedRoles(database: Database): Promise<RoleFixture> {
  const { db } = database;
  const [a] = await db.insert(spaces).values({ name: "Space A", custSpaceId: `a-${crypto.randomUUID().slice(0, 8)}` }).returning();
  const [b] = await db.insert(spaces).values({ name: "Space B", custSpaceId: `b-${crypto.randomUUID().slice(0, 8)}` }).returning();
  const mk = async (name: string, role: "admin" | "user") => {
    const id = crypto.randomUUID();
    const email = `${name}-${id.slice(0, 6)}@example.com`;
    await db.insert(user).values({ id, name, email, role });
    return { id, email, name, isAdmin: role === "admin", locale: null, lastSpaceId: null } satisfies SessionUser;
  };
  const admin = await mk("admin", "admin");
  const operator = await mk("operator", "user");
  const viewer = await mk("viewer", "user");
  const otherOperator = await mk("other", "user");
  await db.insert(spaceMembers).values([
    { userId: operator.id, spaceId: a!.id, role: "operator" },
    { userId: viewer.id, spaceId: a!.id, role: "viewer" },
    { userId: otherOperator.id, spaceId: b!.id, role: "operator" },
  ]);
  return { admin, operator, viewer, otherOperator, spaceId: a!.id, otherSpaceId: b!.id };
}

/**
 * The role fixture with its spaces on a sandbox of their own: a started sandbox (close it after the
 * file), one sandbox account, and the first space (then the other, when given) linked to a sandbox
 * space of that CustSpaceId with that many verified numbers.
 */
export async function seedSandboxRoles(database: Database, first: readonly [custSpaceId: string, numbers: number], other?: readonly [custSpaceId: string, numbers: number]) {
  const { startSandbox } = await import("@/server/sandbox/server");
  const h = await import("@/server/jobs/test-helpers");
  const f = await seedRoles(database);
  const sb = await startSandbox({ spaces: [] });
  const api = h.sandboxApi(sb);
  const accountId = await h.insertSandboxAccount(database.db, sb);
  for (const [[custSpaceId, numbers], spaceId] of [
    [first, f.spaceId],
    ...(other ? ([[other, f.otherSpaceId]] as const) : []),
  ] as const) {
    await api.addSpace(custSpaceId, numbers);
    await database.db.update(spaces).set({ custSpaceId, accountId }).where(eq(spaces.id, spaceId));
  }
  return { f, sb, api, accountId };
}

/** withTestDatabase (the app's handle) with the role fixture seeded into it, for this file or describe block. */
export function withRoles(engine: Engine = defaultTestEngine()): { database: Database; f: RoleFixture } {
  const database = withTestDatabase(engine);
  const f = filledBeforeAll(() => seedRoles(database));
  return { database, f };
}

/**
 * withTestDatabase with seedSandboxRoles's fixture: the roles, a sandbox of their own (closed after
 * the tests, before the database) and its control API.
 */
export function withSandboxRoles(first: readonly [custSpaceId: string, numbers: number], other?: readonly [custSpaceId: string, numbers: number], engine: Engine = defaultTestEngine()) {
  const database = withTestDatabase(engine);
  let sandbox: SandboxHandle | undefined;
  const f = {} as RoleFixture;
  const sb = {} as SandboxHandle;
  const api = {} as ReturnType<typeof sandboxApi>;
  beforeAll(async () => {
    const seeded = await seedSandboxRoles(database, first, other);
    sandbox = seeded.sb;
    Object.assign(f, seeded.f);
    Object.assign(sb, seeded.sb);
    Object.assign(api, seeded.api);
  });
  afterAll(async () => {
    await sandbox?.close();
  });
  return { database, f, sb, api };
}
