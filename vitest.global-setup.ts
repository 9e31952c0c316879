import { ensureMigratedSnapshot } from "./server/db/pglite-snapshot";

/** Before any worker starts: the migrated PGlite dump every test database starts from. */
export default async function setup() {
  await ensureMigratedSnapshot();
}
