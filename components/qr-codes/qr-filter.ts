import type { AccessorFnColumnDef, Row } from "@tanstack/react-table";
import { parseAsString } from "nuqs";
import type { QrCodeDto } from "@/lib/schemas/qr-codes";
import { parseAsPage, parseAsSearch } from "@/lib/url-state";

type Searchable = QrCodeDto & { spaceId?: string; verifiedName?: string | null; spaceName?: string };

/** Search over what a user would type: the code, the message, the number (with or without +), the name and the link. */
export function matchesQuery(row: Searchable, query: string): boolean {
  const q = query.trim().toLocaleLowerCase();
  if (!q) return true;
  const digits = q.replace(/[\s()+-]/g, "");
  if (/^\d+$/.test(digits) && row.phoneNumber.includes(digits)) return true;
  return [row.qrdlCode, row.prefilledMessage, row.verifiedName, row.spaceName, row.deepLinkUrl]
    .some((v) => v?.toLocaleLowerCase().includes(q));
}

/** The QR lists' table search (TanStack's global filter). */
export const searchCodes = <T extends Searchable>(row: Row<T>, _id: string, query: string) => matchesQuery(row.original, query);

/**
 * Columns the QR lists filter on (they do not sort: codes keep CAMS's order). The number filter's
 * value is "spaceId:phone" (the same number in two spaces is two entries) or a bare phone number.
 */
export function qrColumns<T extends Searchable>(): AccessorFnColumnDef<T, string>[] {
  return [
    { id: "code", accessorFn: (r) => r.qrdlCode },
    {
      id: "number",
      accessorFn: (r) => `${r.spaceId ?? ""}:${r.phoneNumber}`,
      filterFn: (row, id, number: string) => row.getValue(id) === number || row.original.phoneNumber === number,
    },
  ];
}

/** A QR list's view in the URL: search and page (a number's tab), plus the number filter (the space's page). */
export const qrSearchParsers = { q: parseAsSearch(140), page: parseAsPage };
export const qrListParsers = { ...qrSearchParsers, number: parseAsString.withDefault("") };
