import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import type { SpaceDto } from "@/lib/schemas/spaces";
import { getDb } from "@/server/db";
import { cloudAccounts, spaceMembers, spaces } from "@/server/db/schema";

export async function listSpaces(): Promise<SpaceDto[]> {
  const db = getDb();
  const rows = await db
    .select({
      id: spaces.id,
      name: spaces.name,
      custSpaceId: spaces.custSpaceId,
      accountId: spaces.accountId,
      accountName: cloudAccounts.name,
      isSandbox: cloudAccounts.isSandbox,
      members: sql<number>`(select count(*)::int from ${spaceMembers} where ${spaceMembers.spaceId} = ${spaces.id})`,
    })
    .from(spaces)
    .leftJoin(cloudAccounts, eq(cloudAccounts.id, spaces.accountId))
    .orderBy(asc(spaces.name));
  return rows.map((r) => ({ ...r, isSandbox: r.isSandbox ?? false, members: Number(r.members) }));
}

export async function getSpace(id: string) {
  const [row] = await getDb().select().from(spaces).where(eq(spaces.id, id));
  return row ?? null;
}

/** True when the unique (account, CustSpaceId) index refused a write. */
export function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string; cause?: { code?: string } };
  return err?.code === "23505" || err?.cause?.code === "23505";
}
