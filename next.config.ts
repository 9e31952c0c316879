import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  // PGlite ships wasm and must stay a plain Node require; bundling it breaks server actions.
  serverExternalPackages: ["@electric-sql/pglite", "pino", "@alicloud/cams20200606", "@alicloud/openapi-client", "ali-oss"],
  allowedDevOrigins: ["127.0.0.1"],
  // Separate build folders let several builds (e.g. parallel e2e runs on other ports) coexist.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // Prometheus scrapes /metrics by convention; the handler lives with the other routes under /api.
  async rewrites() {
    return [{ source: "/metrics", destination: "/api/metrics" }];
  },
  // `npm test` type-checks the whole tree first (tsc --noEmit); the build need not do it twice.
  typescript: { ignoreBuildErrors: true },
  experimental: {
    // Turbopack writes its build cache into .next/cache for the next build to reuse. CI builds a
    // clean clone once and never reads it back: there the write is only cost.
    turbopackFileSystemCacheForBuild: !process.env.CI,
    // 6 MB: a profile picture (at most 5 MB) goes to its server action as a file.
    serverActions: { bodySizeLimit: "6mb" },
  },
};

export default withNextIntl(nextConfig);
