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
      { extends: true, test: { name: "main", include: ["**/*.test.ts", "**/*.test.tsx"], exclude: [...EXCLUDE, ...TIMING], sequence: { groupOrder: 0 } } },
      { extends: true, test: { name: "timing", include: TIMING, exclude: EXCLUDE, fileParallelism: false, sequence: { groupOrder: 1 } } },
    ],
    globalSetup: ["./vitest.global-setup.ts"],
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // Vitest's default is one worker fewer than the cores: one, on these 2-core machines. Most files
    // wait on the sandbox, PostgreSQL or timers rather than compute, so three overlap those waits.
    maxWorkers: 3,
    // A fresh encryption key per run: tests never write ./data/encryption.key and no key is committed.
    env: { LOG_LEVEL: process.env.LOG_LEVEL ?? "silent", NODE_ENV: "test", ENCRYPTION_KEY: crypto.randomBytes(32).toString("base64"), ENCRYPTION_KEY_ID: "t1" },
  },
});
