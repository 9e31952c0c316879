import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { anyOf } from "@/server/db/any-of";
import { QUALITY_RANK, TIER_RANK } from "@/lib/phone-ranks";
import type { AllSpacesPageQuery, AllSpacesPageRow, SortKey } from "@/lib/schemas/phone-numbers";
import type { Db } from "@/server/db/connect";

/**
 * One page of many spaces' stored numbers, searched, filtered, sorted and counted in SQL, so the
 * All-spaces list costs the same at ten spaces or a thousand. The same rules as the list in the
 * browser (components/phone-numbers/list-columns.ts): a query of digits (with +, spaces, dashes,
 * brackets) matches the number's digits, anything else the name, space or number, case-insensitive;
 * ties keep the numbers' order.
 */

const NUMBER_QUERY = /^[+\d\s().-]+$/;

const rankCase = (col: SQL, ranks: Record<string, number>, none: number) =>
  sql`CASE ${sql.join(
    Object.entries(ranks).map(([k, v]) => sql`WHEN ${col} = ${k} THEN ${v}::bigint`),
    sql` `,
  )} WHEN ${col} IS NULL THEN ${none}::bigint ELSE 0::bigint END`;

const lowerOf = (col: SQL) => sql`lower(coalesce(${col}, ''))`;

const ORDER: Record<SortKey, SQL> = {
  number: sql`n.phone_number`,
  space: lowerOf(sql`sp.name`),
  name: lowerOf(sql`n.verified_name`),
  status: lowerOf(sql`n.status`),
  quality: rankCase(sql`n.quality_rating`, QUALITY_RANK, -1),
  tier: rankCase(sql`n.messaging_limit_tier`, TIER_RANK, -1),
  nameStatus: lowerOf(sql`n.name_status`),
  verification: lowerOf(sql`n.code_verification_status`),
};

export interface NumbersPage {
  rows: AllSpacesPageRow[];
  total: number;
  page: number;
  pages: number;
}

export async function pageNumbers(db: Db, spaceIds: string[], query: AllSpacesPageQuery, pageSize: number): Promise<NumbersPage> {
  if (!spaceIds.length) return { rows: [], total: 0, page: 1, pages: 1 };
  const where: SQL[] = [anyOf(sql`n.space_id`, spaceIds)];
  if (query.status) {
    where.push(query.status === "VERIFIED" ? sql`(n.status = ${query.status} OR n.code_verification_status = 'VERIFIED')` : sql`n.status = ${query.status}`);
  }
  if (query.quality) where.push(sql`coalesce(n.quality_rating, '') = ${query.quality}`);
  const q = query.q.trim().toLowerCase();
  if (q) {
    if (NUMBER_QUERY.test(q)) {
      const digits = q.replace(/\D/g, "");
      if (digits) where.push(sql`strpos(n.phone_number, ${digits}) > 0`);
    } else {
      where.push(sql`strpos(lower(coalesce(n.verified_name, '') || chr(1) || sp.name || chr(1) || n.phone_number), ${q}) > 0`);
    }
  }
  const from = sql`FROM inventory_numbers n JOIN spaces sp ON sp.id = n.space_id WHERE ${sql.join(where, sql` AND `)}`;
  const counted = (await db.execute(sql`SELECT count(*)::int AS c ${from}`)) as unknown as { rows: { c: number }[] };
  const total = Number(counted.rows[0]?.c ?? 0);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(query.page, pages);
  const dir = query.dir === "desc" ? sql`DESC` : sql`ASC`;
  const r = (await db.execute(sql`
    SELECT n.space_id, sp.name AS space_name, n.phone_number, n.verified_name, n.status, n.quality_rating,
      n.messaging_limit_tier, n.code_verification_status, n.name_status, n.record->>'newNameStatus' AS new_name_status
    ${from}
    ORDER BY ${ORDER[query.sort]} ${dir}, n.phone_number, n.space_id
    LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`)) as unknown as { rows: Record<string, string | null>[] };
  return {
    total,
    page,
    pages,
    rows: r.rows.map((x) => ({
      spaceId: x.space_id!,
      spaceName: x.space_name ?? "",
      phoneNumber: x.phone_number!,
      verifiedName: x.verified_name,
      status: x.status,
      qualityRating: x.quality_rating,
      messagingLimitTier: x.messaging_limit_tier,
      codeVerificationStatus: x.code_verification_status,
      nameStatus: x.name_status,
      newNameStatus: x.new_name_status,
    })),
  };
}
