import crypto from "node:crypto";
import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": import.meta.dirname,
      // `import "server-only"` throws outside React's server condition.
      "server-only": path.join(import.meta.dirname, "node_modules/server-only/empty.js"),
    },
  },
  test: {
    include: ["**/*.test.ts", "**/*.test.tsx"],
    exclude: ["node_modules/**", ".next/**", ".next-*/**", ".e2e-data*/**", "test-results*/**", "e2e/**", "data/**"],
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // A fresh encryption key per run: tests never write ./data/encryption.key and no key is committed.
    env: { LOG_LEVEL: process.env.LOG_LEVEL ?? "silent", NODE_ENV: "test", ENCRYPTION_KEY: crypto.randomBytes(32).toString("base64"), ENCRYPTION_KEY_ID: "t1" },
  },
});
