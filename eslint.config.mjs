import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [".next/**", ".next-*/**", ".e2e-data*/**", "test-results*/**", "node_modules/**", "data/**", ".e2e-data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"],
  },
  {
    rules: {
      // Sign-in, sign-out and setup reload the whole page on purpose: the server must render the
      // shell with the new session cookie and locale, not reuse the client router's cache.
      "@next/next/no-location-assign-relative-destination": "off",
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read configuration through lib/env.ts." },
      ],
    },
  },
  {
    files: ["lib/env.ts", "instrumentation.ts", "next.config.ts", "proxy.ts", "scripts/**", "e2e/**", "bench/**", "playwright.config.ts", "vitest.config.mts", "drizzle.config.ts", "**/*.test.ts", "server/sandbox/cli.ts", "server/db/test-db.ts"],
    rules: { "no-restricted-properties": "off" },
  },
];
export default config;
