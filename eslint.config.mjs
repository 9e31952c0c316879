import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

/**
 * Where a feature lives (DESIGN.md, "Layout"): the browser side never reaches the database, the
 * data layer or the CAMS client, and lib/ (shared by both sides and the sandbox) imports nothing of
 * the app. Type-only imports count too: a DTO type belongs in lib/schemas/.
 */
const ONE_LINK = {
  name: "next/link",
  message: "Use the app's Link (@/components/ui/link): it prefetches a route when a person points at or focuses it, not every link in view.",
};
const restricted = (message, names) => [
  "error",
  {
    paths: [ONE_LINK],
    patterns: [
      { group: names.flatMap((n) => [`@/${n}`, `@/${n}/**`]), message },
      // The same folders reached by a relative path.
      { regex: `^(\\./)?(\\.\\./)+(${names.join("|")})(/|$)`, message },
    ],
  },
];

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
      "no-restricted-imports": ["error", { paths: [ONE_LINK] }],
    },
  },
  {
    files: ["lib/env.ts", "instrumentation.ts", "next.config.ts", "proxy.ts", "scripts/**", "e2e/**", "bench/**", "playwright.config.ts", "vitest.config.mts", "drizzle.config.ts", "**/*.test.ts", "server/sandbox/cli.ts", "server/db/test-db.ts", "server/jobs/test-helpers.ts"],
    rules: { "no-restricted-properties": "off" },
  },
  {
    files: ["components/**"],
    rules: {
      "no-restricted-imports": restricted(
        "Components take data from props, TanStack Query and server actions: import DTO types from lib/schemas/, never server/db, server/data, server/cams or app/.",
        ["server/db", "server/data", "server/cams", "app"],
      ),
    },
  },
  {
    // Where a feature lives: app/ holds only Next.js route files (they authorize, prefetch and
    // render); a feature's UI, hooks and client model go in components/<feature>/.
    files: ["app/**/*.{ts,tsx,js,jsx}"],
    ignores: ["app/**/{page,layout,loading,error,not-found,route,template,default,global-error,forbidden,unauthorized}.{ts,tsx}"],
    rules: {
      "no-restricted-syntax": [
        "error",
        { selector: "Program", message: "app/ holds only route files (page, layout, loading, error, not-found, route…): put this in components/<feature>/ (UI, hooks, client model), server/ or lib/." },
      ],
    },
  },
  {
    files: ["lib/**"],
    rules: {
      "no-restricted-imports": restricted("lib/ is shared by the browser, the server and the sandbox: it imports nothing from components/, server/ or app/.", ["components", "server", "app"]),
    },
  },
  { files: ["components/ui/link.tsx"], rules: { "no-restricted-imports": "off" } },
];
export default config;
