import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { anyOf } from "@/server/db/any-of";
import type { QrCode } from "@/lib/cams/wire";
import type { KeyState } from "@/lib/schemas/encryption-keys";
import type { AllQrPageQuery } from "@/lib/schemas/qr-codes";
import type { Db } from "@/server/db/connect";
import { toKeyState } from "./details";

/**
 * One page of many spaces' stored keys or QR codes, counted and paged in SQL, so the All-spaces
 * key and QR pages cost the same at ten spaces or a thousand. Rows are ordered by space name, then
 * space id, number and code: the order is total, so a row never shows on two pages.
 */

export interface Paged<R> {
  rows: R[];
  total: number;
  page: number;
  pages: number;
}

const inSpaces = (col: SQL, spaceIds: string[]) => anyOf(col, spaceIds);

type Rows = { rows: Record<string, unknown>[] };

async function paged<R>(db: Db, from: SQL, select: SQL, order: SQL, pageNo: number, pageSize: number, map: (r: Record<string, unknown>) => R): Promise<Paged<R>> {
  const counted = (await db.execute(sql`SELECT count(*)::int AS c ${from}`)) as unknown as Rows;
  const total = Number(counted.rows[0]?.c ?? 0);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(pageNo, pages);
  const r = (await db.execute(sql`SELECT ${select} ${from} ORDER BY ${order} LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`)) as unknown as Rows;
  return { total, page, pages, rows: r.rows.map(map) };
}

export interface KeyPageRow {
  spaceId: string;
  spaceName: string;
  phoneNumber: string;
  verifiedName: string | null;
  status: string | null;
  codeVerificationStatus: string | null;
  /** The stored key; null when the inventory has never observed this number's key. */
  result: KeyState | null;
}

const str = (v: unknown) => (v === null || v === undefined ? null : String(v));

function keyOf(state: unknown, pem: unknown, status: unknown): KeyState | null {
  if (state === null || state === undefined) return null;
  if (state === "key" && pem) return toKeyState(String(pem), str(status));
  return state === "notVerified" ? { state: "notVerified" } : { state: "none" };
}

/** Every number of the given spaces with its stored key (null: never observed), one page of them. */
export async function pageKeys(db: Db, spaceIds: string[], pageNo: number, pageSize: number): Promise<Paged<KeyPageRow>> {
  if (!spaceIds.length) return { rows: [], total: 0, page: 1, pages: 1 };
  const from = sql`FROM inventory_numbers n JOIN spaces sp ON sp.id = n.space_id
    LEFT JOIN inventory_keys k ON k.space_id = n.space_id AND k.phone_number = n.phone_number
    WHERE ${inSpaces(sql`n.space_id`, spaceIds)}`;
  const select = sql`n.space_id, sp.name AS space_name, n.phone_number, n.verified_name, n.status, n.code_verification_status,
    k.state, k.public_key, k.key_status`;
  return paged(db, from, select, sql`lower(sp.name), sp.id, n.phone_number`, pageNo, pageSize, (x) => ({
    spaceId: String(x.space_id),
    spaceName: str(x.space_name) ?? "",
    phoneNumber: String(x.phone_number),
    verifiedName: str(x.verified_name),
    status: str(x.status),
    codeVerificationStatus: str(x.code_verification_status),
    result: keyOf(x.state, x.public_key, x.key_status),
  }));
}

export interface QrPageRow {
  spaceId: string;
  spaceName: string;
  phoneNumber: string;
  verifiedName: string | null;
  record: QrCode;
}

/** Numbers that may have codes: verified, or of unknown status (the browser's rule, mayHaveQrCodes). */
const mayHaveCodes = sql`(n.code_verification_status IS NULL OR upper(n.code_verification_status) = 'VERIFIED')`;

/**
 * The stored codes of the given spaces' numbers (numbers still in the space's list and not known
 * to be unverified), searched as the browser's QR search does (components/qr-codes/qr-filter.ts:
 * digits in the number, else code, message, name, space or link), optionally of one number
 * ("spaceId:phone" or a bare phone), one page of them.
 */
export async function pageQrCodes(db: Db, spaceIds: string[], query: AllQrPageQuery, pageSize: number): Promise<Paged<QrPageRow>> {
  if (!spaceIds.length) return { rows: [], total: 0, page: 1, pages: 1 };
  const where: SQL[] = [inSpaces(sql`c.space_id`, spaceIds), mayHaveCodes];
  const q = query.q.trim().toLowerCase();
  if (q) {
    const digits = q.replace(/[\s()+-]/g, "");
    const text = sql`strpos(lower(c.qrdl_code || chr(1) || coalesce(c.prefilled_message, '') || chr(1) || coalesce(n.verified_name, '') || chr(1) || sp.name || chr(1) || coalesce(c.record->>'deepLinkUrl', '')), ${q}) > 0`;
    where.push(/^\d+$/.test(digits) ? sql`(strpos(c.phone_number, ${digits}) > 0 OR ${text})` : text);
  }
  if (query.number) where.push(sql`(c.space_id || ':' || c.phone_number = ${query.number} OR c.phone_number = ${query.number})`);
  const from = sql`FROM inventory_qr_codes c JOIN spaces sp ON sp.id = c.space_id
    JOIN inventory_numbers n ON n.space_id = c.space_id AND n.phone_number = c.phone_number
    WHERE ${sql.join(where, sql` AND `)}`;
  const select = sql`c.space_id, sp.name AS space_name, c.phone_number, n.verified_name, c.record`;
  return paged(db, from, select, sql`lower(sp.name), sp.id, c.phone_number, c.qrdl_code`, query.page, pageSize, (x) => ({
    spaceId: String(x.space_id),
    spaceName: str(x.space_name) ?? "",
    phoneNumber: String(x.phone_number),
    verifiedName: str(x.verified_name),
    record: (typeof x.record === "string" ? JSON.parse(x.record) : x.record) as QrCode,
  }));
}

/** Of the given spaces, those with a number that may have codes whose QR list was never observed, and how many such numbers. */
export async function unreadQrLists(db: Db, spaceIds: string[]): Promise<{ numbers: number; spaceIds: string[] }> {
  if (!spaceIds.length) return { numbers: 0, spaceIds: [] };
  const r = (await db.execute(sql`
    SELECT n.space_id, count(*)::int AS c FROM inventory_numbers n
    LEFT JOIN inventory_qr_lists l ON l.space_id = n.space_id AND l.phone_number = n.phone_number
    WHERE ${inSpaces(sql`n.space_id`, spaceIds)} AND ${mayHaveCodes} AND l.phone_number IS NULL
    GROUP BY n.space_id`)) as unknown as Rows;
  return { numbers: r.rows.reduce((s, x) => s + Number(x.c), 0), spaceIds: r.rows.map((x) => String(x.space_id)) };
}
