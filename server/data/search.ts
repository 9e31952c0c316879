import "server-only";
import { and, eq, ilike, inArray, or, sql, type SQL } from "drizzle-orm";
import { SEARCH_LIMIT, type SearchHit, type SearchResponse } from "@/lib/schemas/search";
import type { SessionUser } from "@/server/auth/session";
import { getDb } from "@/server/db";
import { inventoryNumbers, inventoryProfiles, inventoryQrCodes, spaceMembers, spaces } from "@/server/db/schema";

/** `%text%` for ILIKE with the user's %, _ and \ taken literally. */
const contains = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

const numberHref = (spaceId: string, phone: string, tab = "") =>
  `/s/${encodeURIComponent(spaceId)}/phone-numbers/${encodeURIComponent(phone)}${tab}`;

/**
 * The header search over the inventory of every space the user may read (admins: all): numbers by
 * digits typed with any formatting ("+1 (555) 010-2" finds 15550102…), display names, space names
 * and CustSpaceIds, QR prefilled messages and codes, webhook URLs, business profiles (about,
 * description, address, e-mail, websites). SQL does the matching and the
 * limit, so the cost does not grow with the number of spaces the user can see.
 */
export async function searchFleet(user: SessionUser, q: string): Promise<SearchResponse> {
  const db = getDb();
  const like = contains(q);
  const digits = q.replace(/\D/g, "");
  // A space the user may read: every one for an admin, else one they are a member of.
  const readable: SQL | undefined = user.isAdmin
    ? undefined
    : inArray(spaces.id, db.select({ id: spaceMembers.spaceId }).from(spaceMembers).where(eq(spaceMembers.userId, user.id)));
  const take = SEARCH_LIMIT + 1;

  const numberMatch = or(
    ilike(inventoryNumbers.verifiedName, like),
    ...(digits.length >= 3 ? [sql`${inventoryNumbers.digits} LIKE ${contains(digits)}`] : []),
  );
  const statusUrl = sql<string | null>`${inventoryNumbers.record}->>'statusCallbackUrl'`;
  const upUrl = sql<string | null>`${inventoryNumbers.record}->>'upCallbackUrl'`;

  const [numbers, spaceRows, qrRows, hooks, profiles] = await Promise.all([
    db
      .select({ spaceId: spaces.id, spaceName: spaces.name, phone: inventoryNumbers.phoneNumber, name: inventoryNumbers.verifiedName })
      .from(inventoryNumbers)
      .innerJoin(spaces, eq(spaces.id, inventoryNumbers.spaceId))
      .where(and(numberMatch, readable))
      .orderBy(inventoryNumbers.phoneNumber, spaces.name)
      .limit(take),
    db
      .select({ spaceId: spaces.id, spaceName: spaces.name, custSpaceId: spaces.custSpaceId })
      .from(spaces)
      .where(and(or(ilike(spaces.name, like), ilike(spaces.custSpaceId, like)), readable))
      .orderBy(spaces.name)
      .limit(take),
    db
      .select({
        spaceId: spaces.id,
        spaceName: spaces.name,
        phone: inventoryQrCodes.phoneNumber,
        code: inventoryQrCodes.qrdlCode,
        message: inventoryQrCodes.prefilledMessage,
      })
      .from(inventoryQrCodes)
      .innerJoin(spaces, eq(spaces.id, inventoryQrCodes.spaceId))
      .where(and(or(ilike(inventoryQrCodes.prefilledMessage, like), ilike(inventoryQrCodes.qrdlCode, like)), readable))
      .orderBy(spaces.name, inventoryQrCodes.phoneNumber)
      .limit(take),
    db
      .select({ spaceId: spaces.id, spaceName: spaces.name, phone: inventoryNumbers.phoneNumber, statusUrl, upUrl })
      .from(inventoryNumbers)
      .innerJoin(spaces, eq(spaces.id, inventoryNumbers.spaceId))
      .where(and(or(sql`${statusUrl} ILIKE ${like}`, sql`${upUrl} ILIKE ${like}`), readable))
      .orderBy(spaces.name, inventoryNumbers.phoneNumber)
      .limit(take),
    db
      .select({ spaceId: spaces.id, spaceName: spaces.name, phone: inventoryProfiles.phoneNumber, search: inventoryProfiles.search })
      .from(inventoryProfiles)
      .innerJoin(spaces, eq(spaces.id, inventoryProfiles.spaceId))
      .where(and(ilike(inventoryProfiles.search, like), readable))
      .orderBy(spaces.name, inventoryProfiles.phoneNumber)
      .limit(take),
  ]);

  const needle = q.toLowerCase();
  /** Up to SEARCH_LIMIT hits of one kind: on a number's tab (`tab`), or on the space's list when no number. */
  const hitsOf = <R extends { spaceId: string; spaceName: string; phone?: string }>(kind: SearchHit["kind"], rows: R[], text: (r: R) => string | null, tab = "") =>
    rows.slice(0, SEARCH_LIMIT).map((r) => ({
      kind,
      spaceId: r.spaceId,
      spaceName: r.spaceName,
      phoneNumber: r.phone ?? null,
      text: text(r),
      href: r.phone ? numberHref(r.spaceId, r.phone, tab) : `/s/${encodeURIComponent(r.spaceId)}/phone-numbers`,
    }));
  const hits: SearchHit[] = [
    ...hitsOf("number", numbers, (r) => r.name),
    ...hitsOf("space", spaceRows, (r) => r.custSpaceId),
    ...hitsOf("qrCode", qrRows, (r) => (r.message?.toLowerCase().includes(needle) ? r.message : r.code), "/qr-codes"),
    ...hitsOf("webhook", hooks, (r) => (r.statusUrl?.toLowerCase().includes(needle) ? r.statusUrl : r.upUrl), "/webhook"),
    // The line of the profile that matched (about, description, address, e-mail or a website).
    ...hitsOf("profile", profiles, (r) => r.search.split("\n").find((line) => line.toLowerCase().includes(needle)) ?? null, "/profile"),
  ];
  const more = [numbers, spaceRows, qrRows, hooks, profiles].some((rows) => rows.length > SEARCH_LIMIT);
  return { q, hits, more };
}
