import "server-only";
import { asc, eq } from "drizzle-orm";
import type { AccountTestResult } from "@/lib/schemas/accounts";
import { createCamsClient, type CamsClient } from "@/server/cams/client";
import { CamsError } from "@/server/cams/errors";
import { accountSecret } from "@/server/cams/for-space";
import { createRateLimiter } from "@/server/cams/rate-limit";
import { getDb } from "@/server/db";
import { cloudAccounts, spaces } from "@/server/db/schema";
import { ActionError } from "@/server/actions/errors";

/**
 * At most this many linked spaces are asked by "Test connection": each is one QueryChatappPhoneNumbers
 * (10 QPS per account), so a large account answers in a few seconds and leaves the budget to people.
 */
export const MAX_TESTED_SPACES = 20;

/** A client for one stored account, without retries: a check reports the first answer as it is. */
async function accountClient(accountId: string): Promise<{ client: CamsClient; name: string }> {
  const db = getDb();
  const [account] = await db.select().from(cloudAccounts).where(eq(cloudAccounts.id, accountId));
  if (!account) throw new ActionError("accountGone");
  const accessKeySecret = accountSecret(account);
  const client = createCamsClient(
    {
      id: account.id,
      accessKeyId: account.accessKeyId,
      accessKeySecret,
      endpoint: account.endpoint,
      protocol: account.protocol === "HTTP" ? "HTTP" : "HTTPS",
    },
    { limiter: createRateLimiter(db), maxRetries: 0 },
  );
  return { client, name: account.name };
}

/**
 * "Test connection": one QueryChatappPhoneNumbers per linked space (up to MAX_TESTED_SPACES), so the
 * count is every number of every space, with each space's own answer; without linked spaces, one
 * call without CustSpaceId. When every call fails the first CamsError is thrown (bad credentials
 * fail them all alike): the UI explains its code.
 */
export async function testAccountConnection(accountId: string): Promise<AccountTestResult> {
  const { client } = await accountClient(accountId);
  const linked = await getDb()
    .select({ name: spaces.name, custSpaceId: spaces.custSpaceId })
    .from(spaces)
    .where(eq(spaces.accountId, accountId))
    .orderBy(asc(spaces.name));
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  if (linked.length === 0) {
    const r = await client.queryPhoneNumbers({});
    return { ms: ms(), total: r.data.length, linkedSpaces: 0, spaces: [], requestId: r.requestId };
  }
  const results: AccountTestResult["spaces"] = [];
  let firstError: CamsError | null = null;
  let requestId: string | undefined;
  // One after another: the limiter would serialise them anyway, and a failing account stops early.
  for (const s of linked.slice(0, MAX_TESTED_SPACES)) {
    try {
      const r = await client.queryPhoneNumbers({ custSpaceId: s.custSpaceId });
      requestId ??= r.requestId;
      results.push({ ...s, count: r.data.length });
    } catch (e) {
      if (!(e instanceof CamsError)) throw e;
      firstError ??= e;
      results.push({ ...s, count: null, error: { code: e.code, requestId: e.requestId } });
    }
  }
  if (firstError && results.every((r) => r.count === null)) throw firstError;
  const total = results.reduce((n, r) => n + (r.count ?? 0), 0);
  return { ms: ms(), total, linkedSpaces: linked.length, spaces: results, requestId };
}

/**
 * Saving a space: the one cheap read that tells whether the account can reach that CustSpaceId
 * (QueryChatappPhoneNumbers for it; CAMS answers Unknown.ResourceOwnerId for a space it does not
 * know or that belongs to another account). Throws the CamsError when it cannot.
 */
export async function checkSpaceThroughAccount(accountId: string, custSpaceId: string): Promise<{ numbers: number; requestId?: string }> {
  const { client } = await accountClient(accountId);
  const r = await client.queryPhoneNumbers({ custSpaceId });
  return { numbers: r.data.length, requestId: r.requestId };
}

export { CamsError };
