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
  const base = process.env.DATABASE_URL_TEST!;
  const name = `cams_test_${crypto.randomBytes(5).toString("hex")}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const db = connectDatabase({ url: url.toString(), pool: 5 });
  await db.migrate();
  const peers: Database[] = [];
  const peer = () => {
    const p = connectDatabase({ url: url.toString(), pool: 5 });
    peers.push(p);
    return p;
  };
  const database = {
    ...db,
    close: async () => {
      for (const p of peers) await p.close();
      await db.close();
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
  return { database, peer };
}
