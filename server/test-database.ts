import "server-only";
import { afterAll, beforeAll } from "vitest";
import type { Database } from "@/server/db/connect";
import { defaultTestEngine, openTestDatabase, type Engine } from "@/server/db/test-db";

/**
 * Makes `database` the app's database handle (getDb()) for this test file. The auth instance is
 * bound to the handle it was made with: the next getAuth() makes one on this database (files of a
 * worker share their modules, vitest.shared-setup.ts).
 */
export function installTestDatabase(database: Database): Database {
  const g = globalThis as unknown as { __camsDb?: Database; __camsDbReady?: Promise<void>; __camsAuth?: unknown; __camsAuthSso?: unknown };
  g.__camsDb = database;
  g.__camsDbReady = Promise.resolve();
  delete g.__camsAuth;
  delete g.__camsAuthSso;
  return database;
}

/**
 * An object a test file (or describe block) takes at its top and `beforeAll` fills in with what
 * `make` returns: a fixture is handed out before its tests run, its value made only then.
 */
export function filledBeforeAll<T extends object>(make: () => Promise<T>): T {
  const into = {} as T;
  beforeAll(async () => {
    Object.assign(into, await make());
  });
  return into;
}

/**
 * A fresh, migrated test database for the tests of this file, or of the describe block it is
 * called in (`defaultTestEngine()` unless `engine` names one): opened before them and, unless
 * `install: false`, made the app's database handle; closed after them (closing it twice, as a test
 * of a lost database does, closes it once). Hooks registered after this call run after its
 * beforeAll and before its afterAll.
 */
export function withTestDatabase(engine: Engine = defaultTestEngine(), { install = true }: { install?: boolean } = {}): Database {
  let opened: Database | undefined;
  let closing: Promise<void> | undefined;
  const database = filledBeforeAll(async () => {
    opened = await openTestDatabase(engine);
    if (install) installTestDatabase(opened);
    const close = () => (closing ??= opened!.close());
    return { ...opened, close };
  });
  afterAll(async () => {
    if (opened) await database.close();
  });
  return database;
}
