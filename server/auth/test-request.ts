import "server-only";
import { vi } from "vitest";

/**
 * Imported first by tests of the real session reads: the request's cookie, as the browser would
 * send it, is `request.cookie`; and getSessionUser, cached per request by React, is read afresh
 * on every call (each call is its own request).
 */
export const request: { cookie: string } = { cookie: "" };
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => undefined, set: () => undefined }),
  headers: async () => new Headers(request.cookie ? { cookie: request.cookie } : {}),
}));
vi.mock("react", async (importOriginal) => ({ ...(await importOriginal<typeof import("react")>()), cache: <T,>(fn: T) => fn }));
