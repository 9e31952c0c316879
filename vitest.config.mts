import crypto from "node:crypto";
import path from "node:path";
import { defineConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";

const EXCLUDE = ["node_modules/**", ".next/**", ".next-*/**", ".e2e-data*/**", "test-results*/**", "e2e/**", "data/**"];
/**
 * Tests whose subject is timing against the sandbox's QPS window (the sandbox runs in the test's own
 * process, so a CPU-starved event loop bunches its arrivals): they run after the rest, one file at a
 * time, instead of beside every other test file on two cores.
 */
const TIMING = ["server/cams/rate-limit.test.ts"];

/**
 * Files that take 15-40 s, started first so none is left running alone at the end: a clean clone
 * has no timing cache, and Vitest then starts larger files first, which put the 30 s property test
 * of every action (a small file) 85th of 98. Longest first; the rest keep Vitest's order.
 */
const SLOW_FIRST = [
  "server/actions/faults.test.ts",
  "server/db/data-layer.test.ts",
  "server/jobs/jobs.postgres.test.ts",
  "server/authz/hostile-actions.test.ts",
  "server/jobs/jobs.pglite.test.ts",
  "server/inventory/details.test.ts",
  "server/alerts/details-history.test.ts",
  "server/auth/throttle.test.ts",
];

class SlowFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const base = await super.sort(files);
    const rank = (f: TestSpecification) => {
      const i = SLOW_FIRST.indexOf(path.relative(import.meta.dirname, f.moduleId));
      return i < 0 ? SLOW_FIRST.length : i;
    };
    const order = new Map(base.map((f, i) => [f, i] as const));
    // Projects stay in their group order (the timing project after the rest).
    return [...base].sort(
      (a, b) => a.project.config.sequence.groupOrder - b.project.config.sequence.groupOrder || rank(a) - rank(b) || order.get(a)! - order.get(b)!,
    );
  }
}

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
    sequence: { sequencer: SlowFirst },
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
