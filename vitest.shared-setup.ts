import { vi } from "vitest";

/**
 * The "main" project runs its files one after another in each worker without isolation: the
 * modules a file imported stay loaded for the next (less than half the CPU of a fresh module graph
 * per file). Vitest keeps module mocks per test file, so the mocks every file of the project shares
 * are made again before each: a request's headers and cookies, empty, and the request-bound pieces
 * of test-support.ts (the session, cache revalidation, next-intl's request locale). Files that need
 * other mocks, or set the environment before lib/env is read, run isolated (vitest.config.mts).
 */
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => undefined, set: () => undefined }),
  headers: async () => new Headers(),
}));
const { mockRequestScope } = await import("@/server/test-support");
mockRequestScope();
