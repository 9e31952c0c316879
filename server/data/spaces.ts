import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import { SHELL_SPACES_SHOWN, type ShellSpace, type ShellSpacesDto, type ShellSpacesQuery, type SpaceDto } from "@/lib/schemas/spaces";
import { accessibleSpaces, canWrite, type SessionUser, type SpaceSummary } from "@/server/auth/session";
import { listSandboxAccountIds } from "@/server/data/accounts";
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

/**
 * The header switcher's spaces for the caller: the first SHELL_SPACES_SHOWN readable spaces by
 * name matching `q` (name or CustSpaceId, any case), or only `id` when asked for one; `include` is
 * added when readable (the remembered space, so a full page load names it without a second request).
 */
export async function shellSpaces(user: SessionUser, query: Partial<ShellSpacesQuery> & { include?: string | null } = {}): Promise<ShellSpacesDto> {
  const [all, sandboxAccounts] = await Promise.all([accessibleSpaces(user), listSandboxAccountIds()]);
  const readable = query.writable ? all.filter((s) => canWrite(s.role)) : all;
  const toShell = (s: SpaceSummary): ShellSpace => ({ id: s.id, name: s.name, role: s.role, sandbox: !!s.accountId && sandboxAccounts.has(s.accountId) });
  const q = query.q?.trim().toLowerCase() ?? "";
  const matching = query.id
    ? readable.filter((s) => s.id === query.id)
    : q
      ? readable.filter((s) => s.name.toLowerCase().includes(q) || s.custSpaceId.toLowerCase().includes(q))
      : readable;
  const shown = matching.slice(0, SHELL_SPACES_SHOWN);
  const extra = query.include && !shown.some((s) => s.id === query.include) ? matching.find((s) => s.id === query.include) : undefined;
  return { spaces: [...shown, ...(extra ? [extra] : [])].map(toShell), matched: matching.length, total: readable.length };
}
