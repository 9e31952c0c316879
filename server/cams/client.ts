import "server-only";
import { createCaller, type CamsAccount, type CamsClientDeps } from "./call";
import { bindOperations } from "./define";
import { automationOperations } from "./operations-automation";
import { phoneOperations } from "./operations-phone";
import { profileOperations } from "./operations-profile";
import { qrOperations } from "./operations-qr";
import { settingsOperations } from "./operations-settings";

export type { CamsAccount, CamsClientDeps, CamsResult } from "./call";

/** Every operation the client has, one definition each (server/cams/define.ts). */
export const camsOperations = { ...phoneOperations, ...qrOperations, ...settingsOperations, ...profileOperations, ...automationOperations };

/**
 * Typed CAMS client: one method per operation, each validating its input, taking a rate-limit
 * slot before every attempt, and returning `{ data, requestId }` or throwing a CamsError.
 */
export function createCamsClient(account: CamsAccount, deps: CamsClientDeps = {}) {
  return bindOperations(createCaller(account, deps), camsOperations);
}

export type CamsClient = ReturnType<typeof createCamsClient>;
