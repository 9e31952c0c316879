import "server-only";
import crypto from "node:crypto";
import pg from "pg";
import { connectDatabase, type Database } from "./connect";
import { migratedSnapshot } from "./pglite-snapshot";

export type Engine = "pglite" | "postgres";

/**
 * The engines a data-layer test runs on: PGlite always; PostgreSQL when DATABASE_URL_TEST is set
 * (npm test sets it, and in CI it must be set: scripts/test-all.mjs fails otherwise).
 */
export function testEngines(): Engine[] {
  return process.env.DATABASE_URL_TEST ? ["pglite", "postgres"] : ["pglite"];
}

/**
 * The engine of a test that does not ask for one (the actions', the alerts', authorization's):
 * PostgreSQL when DATABASE_URL_TEST is set, as in npm test, else PGlite. Opening a PGlite from
 * the migrated dump costs about 1.3 s of CPU in each test file (2-4 s on a loaded machine), a
 * PostgreSQL database about 0.25 s: the actions and authorization files took 45 s instead of
 * 71 s. What depends on the engine is tested on both (`testEngines()`: the data layer, the
 * inventory, jobs, history), and e2e runs the app on PGlite throughout.
 */
export function defaultTestEngine(): Engine {
  return process.env.DATABASE_URL_TEST ? "postgres" : "pglite";
}

/** A statement on the server of `base` (its own database): creating and dropping others. */
async function adminQuery(base: string, q: string): Promise<void> {
  const c = new pg.Client({ connectionString: base });
  await c.connect();
  try {
    await c.query(q);
  } finally {
    await c.end();
  }
}

/**
 * A new, empty PostgreSQL database on the server of `base`, named `<prefix>_<random>`: its URL,
 * and `drop` (forcing out whoever is still connected). Not migrated.
 */
export async function createThrowawayDatabase(base: string, prefix = "cams_test"): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${crypto.randomBytes(5).toString("hex")}`;
  await adminQuery(base, `create database ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => adminQuery(base, `drop database if exists ${name} with (force)`) };
}

/** A fresh, migrated database: in-memory PGlite, or a throwaway PostgreSQL database dropped on close. */
export async function openTestDatabase(engine: Engine): Promise<Database> {
  return (await openTestDatabaseWithPeer(engine)).database;
}

/**
 * A fresh database and a second, independent connection pool to it (what another app instance
 * would hold). PGlite has one process, so its "peer" is the same handle.
 */
export async function openTestDatabaseWithPeer(engine: Engine): Promise<{ database: Database; peer: () => Database }> {
  if (engine === "pglite") {
    const db = connectDatabase({ loadDataDir: await migratedSnapshot() });
    await db.migrate();
    return { database: db, peer: () => db };
  }
  const { url, drop } = await createThrowawayDatabase(process.env.DATABASE_URL_TEST!);
  const db = connectDatabase({ url, pool: 5 });
  await db.migrate();
  const peers: Database[] = [];
  const peer = () => {
    const p = connectDatabase({ url, pool: 5 });
    peers.push(p);
    return p;
  };
  const database = {
    ...db,
    close: async () => {
      for (const p of peers) await p.close();
      await db.close();
      await drop();
    },
  };
  return { database, peer };
}
