import crypto from "node:crypto";
import path from "node:path";
import { defineConfig } from "vitest/config";

const EXCLUDE = ["node_modules/**", ".next/**", ".next-*/**", ".e2e-data*/**", "test-results*/**", "e2e/**", "data/**"];
/**
 * Tests whose subject is timing against the sandbox's QPS window (the sandbox runs in the test's own
 * process, so a CPU-starved event loop bunches its arrivals): they run after the rest, one file at a
 * time, instead of beside every other test file on two cores.
 */
const TIMING = ["server/cams/rate-limit.test.ts"];
/**
 * Files that set the environment before lib/env is first read, keep a key ring or a database of
 * their own in globals, or mock a module differently from vitest.shared-setup.ts: each in a fresh
 * worker, as Vitest runs files by default. Every other file shares its worker's loaded modules.
 */
const ISOLATED = [
  "server/actions/faults.test.ts",
  "server/actions/setup.test.ts",
  "server/alerts/delivery.test.ts",
  "server/audit/client-address.test.ts",
  // The real session read over a request's cookie (server/auth/test-request.ts).
  "server/auth/no-tokens.test.ts",
  "server/auth/session.test.ts",
  "server/auth/two-factor.test.ts",
  "server/auth/sign-in.test.ts",
  "server/auth/throttle.test.ts",
  "server/cams/for-space.test.ts",
  "server/data/webhooks.test.ts",
  "server/metrics/metrics.test.ts",
  // React in happy-dom: a timer a file leaves behind (nuqs flushes the URL a moment later) must
  // not fire in the next file's environment.
  "components/**/*.test.{ts,tsx}",
];

export default defineConfig({
  resolve: {
    alias: {
      "@": import.meta.dirname,
      // `import "server-only"` throws outside React's server condition.
      "server-only": path.join(import.meta.dirname, "node_modules/server-only/empty.js"),
    },
  },
  test: {
    // include/exclude are per project: `extends: true` would merge the root's lists into both.
    projects: [
      {
        extends: true,
        test: { name: "main", include: ["**/*.test.ts", "**/*.test.tsx"], exclude: [...EXCLUDE, ...TIMING, ...ISOLATED], isolate: false, setupFiles: ["./vitest.shared-setup.ts"], sequence: { groupOrder: 0 } },
      },
      { extends: true, test: { name: "isolated", include: ISOLATED, exclude: EXCLUDE, sequence: { groupOrder: 0 } } },
      { extends: true, test: { name: "timing", include: TIMING, exclude: EXCLUDE, fileParallelism: false, sequence: { groupOrder: 1 } } },
    ],
    globalSetup: ["./vitest.global-setup.ts"],
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // Vitest's default is one worker fewer than the cores: one, on these 2-core machines. Most files
    // wait on the sandbox, PostgreSQL or timers rather than compute, so four overlap those waits
    // (without isolation a file costs little CPU of its own: 4 workers 147 s, 3 workers 160 s).
    maxWorkers: 4,
    // A fresh encryption key per run: tests never write ./data/encryption.key and no key is committed.
    env: { LOG_LEVEL: process.env.LOG_LEVEL ?? "silent", NODE_ENV: "test", ENCRYPTION_KEY: crypto.randomBytes(32).toString("base64"), ENCRYPTION_KEY_ID: "t1" },
  },
});
