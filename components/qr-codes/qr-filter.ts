import type { QrCodeDto } from "@/lib/schemas/qr-codes";

/** Search over what a user would type: the code, the message, the number (with or without +), the name and the link. */
export function matchesQuery(row: QrCodeDto & { verifiedName?: string | null; spaceName?: string }, query: string): boolean {
  const q = query.trim().toLocaleLowerCase();
  if (!q) return true;
  const digits = q.replace(/[\s()+-]/g, "");
  if (/^\d+$/.test(digits) && row.phoneNumber.includes(digits)) return true;
  return [row.qrdlCode, row.prefilledMessage, row.verifiedName, row.spaceName, row.deepLinkUrl]
    .some((v) => v?.toLocaleLowerCase().includes(q));
}

export function filterCodes<T extends QrCodeDto & { spaceId?: string; verifiedName?: string | null; spaceName?: string }>(
  rows: readonly T[],
  query: string,
  number: string,
): T[] {
  return rows.filter((r) => (!number || `${r.spaceId ?? ""}:${r.phoneNumber}` === number || r.phoneNumber === number) && matchesQuery(r, query));
}

export function pageOf<T>(rows: readonly T[], page: number, size: number): { rows: T[]; page: number; pages: number } {
  const pages = Math.max(1, Math.ceil(rows.length / size));
  const p = Math.min(Math.max(1, page), pages);
  return { rows: rows.slice((p - 1) * size, p * size), page: p, pages };
}
