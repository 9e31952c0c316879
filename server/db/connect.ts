import "server-only";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePg, type NodePgDatabase } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import { Pool } from "pg";
import { errForLog, getLogger } from "@/server/logger";
import * as schema from "./schema";

/** Both engines expose the same query API; we type them as the node-postgres flavour. */
export type Db = NodePgDatabase<typeof schema>;

export interface Database {
  db: Db;
  kind: "pglite" | "postgres";
  /** The synchronous PGlite handle better-auth's adapter wants; null on PostgreSQL. */
  migrate(): Promise<void>;
  close(): Promise<void>;
}

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "server", "db", "migrations");

/**
 * PGlite has no cross-process locking: two processes on one directory lose rows silently.
 * A pid lock file makes the second process refuse to start instead.
 */
function takeDirectoryLock(dir: string): () => void {
  const lockFile = path.join(dir, "cams-admin.lock");
  try {
    const pid = Number(fs.readFileSync(lockFile, "utf8"));
    if (pid && pid !== process.pid) {
      let alive = true;
      try {
        process.kill(pid, 0);
      } catch {
        alive = false;
      }
      if (alive) {
        throw new Error(
          `The embedded database in ${dir} is in use by process ${pid}. Stop it first, or set DATABASE_URL to use PostgreSQL for several processes.`,
        );
      }
    }
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
  }
  fs.writeFileSync(lockFile, String(process.pid));
  return () => {
    try {
      if (Number(fs.readFileSync(lockFile, "utf8")) === process.pid) fs.unlinkSync(lockFile);
    } catch {
      /* already gone */
    }
  };
}

/**
 * A new PGlite directory is made (initdb) in a child process that then exits: initdb inside the
 * app grew the process by about 500 MB that it never gave back (RSS 800 MB against 280 MB when
 * opening an existing directory, measured on PGlite 0.5).
 */
function initPgliteDirectory(pgDir: string): void {
  if (fs.existsSync(path.join(pgDir, "PG_VERSION"))) return;
  const script = 'import { PGlite } from "@electric-sql/pglite"; const db = new PGlite(process.argv[1]); await db.waitReady; await db.close();';
  execFileSync(process.execPath, ["--input-type=module", "-e", script, pgDir], { cwd: process.cwd(), stdio: ["ignore", "ignore", "inherit"] });
}

/**
 * The embedded database's buffer cache: PostgreSQL's default of 128 MB sits inside the app's own
 * memory (WASM, never returned), while its files are in the OS page cache anyway. At 32 MB a bare
 * PGlite process after a workload of sorts and updates held ~180-210 MB against ~305-316 MB.
 */
const PGLITE_CONF = ["shared_buffers=32MB"];

/**
 * `url`: PostgreSQL. Otherwise PGlite in `dataDir`, or in memory; an in-memory one may start from
 * `loadDataDir`, a dump of another (tests start from a migrated snapshot instead of running initdb).
 */
export function connectDatabase(opts: { url?: string; dataDir?: string; pool?: number; loadDataDir?: Blob }): Database {
  if (opts.url) {
    const pool = new Pool({ connectionString: opts.url, max: opts.pool ?? 10 });
    // An idle connection the server ends (a restart, a failover, a dropped database) is an 'error'
    // on the pool: without a listener it would end the process. The pool opens a new one when asked.
    pool.on("error", (err) => getLogger().warn({ err: errForLog(err) }, "database connection lost"));
    const db = drizzlePg(pool, { schema });
    return {
      db,
      kind: "postgres",
      migrate: () => migratePg(db, { migrationsFolder: MIGRATIONS_FOLDER }),
      close: () => pool.end(),
    };
  }
  const dir = opts.dataDir;
  let client: PGlite;
  let release = () => {};
  if (dir && dir !== "memory://") {
    fs.mkdirSync(dir, { recursive: true });
    release = takeDirectoryLock(dir);
    initPgliteDirectory(path.join(dir, "pglite"));
    client = new PGlite(path.join(dir, "pglite"), { postgresqlconf: PGLITE_CONF });
  } else {
    client = new PGlite(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : undefined);
  }
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    kind: "pglite",
    migrate: () => migratePglite(db as never, { migrationsFolder: MIGRATIONS_FOLDER }),
    close: async () => {
      await client.close();
      release();
    },
  };
}
