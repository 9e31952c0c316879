import "server-only";
import { asc, eq } from "drizzle-orm";
import { createCamsClient } from "@/server/cams/client";
import { CamsError } from "@/server/cams/errors";
import { createRateLimiter } from "@/server/cams/rate-limit";
import { decryptSecret } from "@/server/crypto";
import { getDb } from "@/server/db";
import { cloudAccounts, spaces } from "@/server/db/schema";
import { ActionError } from "@/server/actions/errors";

/**
 * "Test connection": one QueryChatappPhoneNumbers with the stored credentials (for the first linked
 * space, when there is one). Errors are CamsErrors: the UI explains their code.
 */
export async function testAccountConnection(accountId: string): Promise<{ ms: number; count: number; requestId?: string }> {
  const db = getDb();
  const [account] = await db.select().from(cloudAccounts).where(eq(cloudAccounts.id, accountId));
  if (!account) throw new ActionError("accountGone");
  const [space] = await db
    .select({ custSpaceId: spaces.custSpaceId })
    .from(spaces)
    .where(eq(spaces.accountId, accountId))
    .orderBy(asc(spaces.name))
    .limit(1);
  const client = createCamsClient(
    {
      id: account.id,
      accessKeyId: account.accessKeyId,
      accessKeySecret: decryptSecret(account.accessKeySecretEnc),
      endpoint: account.endpoint,
      protocol: account.protocol === "HTTP" ? "HTTP" : "HTTPS",
    },
    { limiter: createRateLimiter(db), maxRetries: 0 },
  );
  const started = performance.now();
  const result = await client.queryPhoneNumbers(space ? { custSpaceId: space.custSpaceId } : {});
  return { ms: Math.round(performance.now() - started), count: result.data.length, requestId: result.requestId };
}

export { CamsError };
