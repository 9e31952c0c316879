import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";

/**
 * Tests' PGlite databases start from a dump of a freshly migrated one instead of running initdb and
 * every migration each time (9 s against 50 s under load: README, "How long `npm test` takes"). The dump is made once per
 * set of migrations (Vitest's global setup makes it before any worker starts) and kept in the temp
 * directory under a name that hashes the migrations and the PGlite version.
 */
// connect.ts's MIGRATIONS_FOLDER, spelled again: that module is server-only, and Vitest's global
// setup runs outside React's server condition.
const MIGRATIONS = path.join(process.cwd(), "server", "db", "migrations");

function snapshotFile(): string {
  const h = crypto.createHash("sha256");
  const files = fs.readdirSync(MIGRATIONS, { recursive: true, encoding: "utf8" }).sort();
  for (const f of files) {
    const full = path.join(MIGRATIONS, f);
    if (fs.statSync(full).isFile()) h.update(f).update("\0").update(fs.readFileSync(full)).update("\0");
  }
  h.update(JSON.parse(fs.readFileSync(path.join(process.cwd(), "node_modules/@electric-sql/pglite/package.json"), "utf8")).version);
  return path.join(os.tmpdir(), `cams-pglite-migrated-${h.digest("hex").slice(0, 16)}.tar`);
}

/** Makes the dump unless it exists; written under a temporary name and renamed, so readers see a whole file. */
export async function ensureMigratedSnapshot(): Promise<string> {
  const file = snapshotFile();
  if (fs.existsSync(file)) return file;
  const client = new PGlite();
  await migrate(drizzle(client) as never, { migrationsFolder: MIGRATIONS });
  const dump = await client.dumpDataDir("none");
  await client.close();
  const tmp = `${file}.${process.pid}.${crypto.randomBytes(4).toString("hex")}`;
  await fs.promises.writeFile(tmp, Buffer.from(await dump.arrayBuffer()));
  await fs.promises.rename(tmp, file);
  return file;
}

let loaded: Promise<Blob> | undefined;

/** The dump, read once per process. */
export function migratedSnapshot(): Promise<Blob> {
  loaded ??= ensureMigratedSnapshot().then(async (file) => new Blob([await fs.promises.readFile(file)]));
  return loaded;
}
