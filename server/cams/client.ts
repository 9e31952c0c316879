import "server-only";
import { createCaller, type CamsAccount, type CamsClientDeps } from "./call";
import { phoneOperations } from "./operations-phone";
import { qrOperations } from "./operations-qr";
import { settingsOperations } from "./operations-settings";

export type { CamsAccount, CamsClientDeps, CamsResult } from "./call";

/**
 * Typed CAMS client: one method per operation, each validating its input, taking a rate-limit
 * slot before every attempt, and returning `{ data, requestId }` or throwing a CamsError.
 */
export function createCamsClient(account: CamsAccount, deps: CamsClientDeps = {}) {
  const caller = createCaller(account, deps);
  return { ...phoneOperations(caller), ...qrOperations(caller), ...settingsOperations(caller) };
}

export type CamsClient = ReturnType<typeof createCamsClient>;
