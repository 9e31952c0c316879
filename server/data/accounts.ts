import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import type { AccountDto } from "@/lib/schemas/accounts";
import { getDb } from "@/server/db";
import { cloudAccounts, spaces } from "@/server/db/schema";
import { keyIdOf } from "@/server/crypto";

export async function listAccounts(): Promise<AccountDto[]> {
  const rows = await getDb()
    .select({
      id: cloudAccounts.id,
      name: cloudAccounts.name,
      accessKeyId: cloudAccounts.accessKeyId,
      enc: cloudAccounts.accessKeySecretEnc,
      endpoint: cloudAccounts.endpoint,
      protocol: cloudAccounts.protocol,
      isSandbox: cloudAccounts.isSandbox,
      updatedAt: cloudAccounts.updatedAt,
      // A join, not a correlated subquery: without a join drizzle leaves columns unqualified, and
      // "account_id = id" inside the subquery compared the space with itself (always 0).
      spaces: sql<number>`count(${spaces.id})::int`,
    })
    .from(cloudAccounts)
    .leftJoin(spaces, eq(spaces.accountId, cloudAccounts.id))
    .groupBy(cloudAccounts.id)
    .orderBy(asc(cloudAccounts.name));
  return rows.map(({ enc, ...r }) => ({
    ...r,
    protocol: r.protocol === "HTTP" ? "HTTP" : "HTTPS",
    secretKeyId: keyIdOf(enc),
    spaces: Number(r.spaces),
    updatedAt: r.updatedAt.toISOString(),
  }));
}

export async function listSandboxAccountIds(): Promise<Set<string>> {
  const rows = await getDb().select({ id: cloudAccounts.id }).from(cloudAccounts).where(eq(cloudAccounts.isSandbox, true));
  return new Set(rows.map((r) => r.id));
}
