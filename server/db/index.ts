import "server-only";
import path from "node:path";
import { env } from "@/lib/env";
import { connectDatabase, type Database, type Db } from "./connect";

export type { Db };

// Survives Next's module reloading in dev, and is created lazily: `next build` imports route
// modules and must not open the database.
const globalForDb = globalThis as unknown as { __camsDb?: Database; __camsDbReady?: Promise<void> };

export function dataDir(): string {
  return path.resolve(/* turbopackIgnore: true */ process.cwd(), env.DATA_DIR);
}

export function getDatabase(): Database {
  if (!globalForDb.__camsDb) {
    globalForDb.__camsDb = connectDatabase({ url: env.DATABASE_URL, dataDir: path.join(dataDir(), "db") });
  }
  return globalForDb.__camsDb;
}

export function getDb(): Db {
  return getDatabase().db;
}

/** Runs the migrations once per process; every entry point awaits it before its first query. */
export function ensureMigrated(): Promise<void> {
  if (!globalForDb.__camsDbReady) globalForDb.__camsDbReady = getDatabase().migrate();
  return globalForDb.__camsDbReady;
}
