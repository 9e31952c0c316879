import "server-only";
import { eq } from "drizzle-orm";
import { LOCAL_ERROR_CODES } from "@/lib/cams/errors";
import { decryptSecret } from "@/server/crypto";
import type { Db } from "@/server/db/connect";
import { cloudAccounts, spaces } from "@/server/db/schema";
import { createCamsClient, type CamsClient } from "./client";
import { CamsError } from "./errors";
import { createRateLimiter, type RateLimiter } from "./rate-limit";

export interface CamsSpace {
  id: string;
  name: string;
  custSpaceId: string;
  accountId: string;
  isSandbox: boolean;
}

// One limiter per database handle, shared by every client of this process.
const limiters = new WeakMap<Db, RateLimiter>();
// Building the SDK client is not free; an account edit (updatedAt) or another space gets a new one.
const clients = new Map<string, CamsClient>();
const MAX_CACHED = 200;

function limiterFor(db: Db): RateLimiter {
  let limiter = limiters.get(db);
  if (!limiter) {
    limiter = createRateLimiter(db);
    limiters.set(db, limiter);
  }
  return limiter;
}

/** The account's decrypted AccessKey secret; an undecryptable one is an explained CamsError. */
export function accountSecret(account: { id: string; name: string; accessKeySecretEnc: string }): string {
  try {
    return decryptSecret(account.accessKeySecretEnc, { table: "cloud_accounts", id: account.id });
  } catch {
    throw new CamsError({
      code: LOCAL_ERROR_CODES.secretUnreadable,
      message: `The AccessKey secret of "${account.name}" cannot be decrypted with the configured encryption key.`,
      operation: null,
    });
  }
}

/** Loads a space and its cloud account and returns a ready CAMS client (CustSpaceId defaulted) for it. */
export async function camsForSpace(db: Db, spaceId: string): Promise<{ client: CamsClient; space: CamsSpace }> {
  const [row] = await db
    .select({ space: spaces, account: cloudAccounts })
    .from(spaces)
    .leftJoin(cloudAccounts, eq(spaces.accountId, cloudAccounts.id))
    .where(eq(spaces.id, spaceId))
    .limit(1);
  if (!row) {
    throw new CamsError({ code: LOCAL_ERROR_CODES.spaceNotFound, message: "This space does not exist.", operation: null });
  }
  const { space, account } = row;
  if (!account) {
    throw new CamsError({
      code: LOCAL_ERROR_CODES.noAccount,
      message: `The space "${space.name}" has no cloud account; assign one in Settings.`,
      operation: null,
    });
  }
  const version = `${account.id}:${account.updatedAt.getTime()}:`;
  const key = version + space.custSpaceId;
  let client = clients.get(key);
  if (!client) {
    const accessKeySecret = accountSecret(account);
    for (const k of clients.keys()) if (k.startsWith(`${account.id}:`) && !k.startsWith(version)) clients.delete(k);
    if (clients.size >= MAX_CACHED) clients.delete(clients.keys().next().value!);
    client = createCamsClient(
      {
        id: account.id,
        accessKeyId: account.accessKeyId,
        accessKeySecret,
        endpoint: account.endpoint,
        protocol: account.protocol === "HTTP" ? "HTTP" : "HTTPS",
      },
      { limiter: limiterFor(db), space: space.custSpaceId },
    );
    clients.set(key, client);
  }
  return {
    client,
    space: {
      id: space.id,
      name: space.name,
      custSpaceId: space.custSpaceId,
      accountId: account.id,
      isSandbox: account.isSandbox,
    },
  };
}
