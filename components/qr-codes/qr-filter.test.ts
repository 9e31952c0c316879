// @vitest-environment happy-dom
import { renderHook } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { useDataTable } from "@/components/use-data-table";
import { matchesQuery, qrColumns, searchCodes } from "./qr-filter";

type Row = Parameters<typeof matchesQuery>[0];
const row = (over: Partial<Row> = {}): Row => ({
  phoneNumber: "8613800001234",
  qrdlCode: "ABCD1234",
  generateQrImage: "PNG",
  prefilledMessage: "你好，我想咨询订单",
  deepLinkUrl: "https://wa.me/message/ABCD1234",
  qrImageUrl: null,
  verifiedName: "Harbour Retail",
  ...over,
});

/** The QR list's table as space-qr-codes.tsx builds it. */
function view(data: Row[], query: string, number: string, page?: number, pageSize = 10) {
  const { result } = renderHook(() =>
    useDataTable({ data, columns: qrColumns<Row>(), search: query, globalFilterFn: searchCodes, filters: { number }, page, pageSize }),
  );
  return result.current;
}

describe("QR code search", () => {
  it("finds by code, message (any script), name, link and number with or without +", () => {
    expect(matchesQuery(row(), "abcd")).toBe(true);
    expect(matchesQuery(row(), "咨询")).toBe(true);
    expect(matchesQuery(row(), "harbour")).toBe(true);
    expect(matchesQuery(row(), "wa.me/message")).toBe(true);
    expect(matchesQuery(row(), "+86 138")).toBe(true);
    expect(matchesQuery(row(), "nothing")).toBe(false);
    expect(matchesQuery(row(), "  ")).toBe(true);
  });

  it("filters by number (per space in the all-spaces view)", () => {
    const rows = [row({ spaceId: "a" }), row({ spaceId: "b", qrdlCode: "ZZ" }), row({ phoneNumber: "6581230000", qrdlCode: "YY" })];
    expect(view(rows, "", "8613800001234").rows.map((r) => r.qrdlCode)).toEqual(["ABCD1234", "ZZ"]);
    expect(view(rows, "", "b:8613800001234").rows.map((r) => r.qrdlCode)).toEqual(["ZZ"]);
    expect(view(rows, "yy", "").rows.map((r) => r.qrdlCode)).toEqual(["YY"]);
    expect(view(rows, "", "").rows.map((r) => r.qrdlCode)).toEqual(["ABCD1234", "ZZ", "YY"]);
  });

  it("pages, clamping a page past the end", () => {
    const list = Array.from({ length: 25 }, (_, i) => row({ qrdlCode: `C${i}` }));
    const codes = (page: number) => view(list, "", "", page).rows.map((r) => r.qrdlCode);
    expect(view(list, "", "", 1)).toMatchObject({ page: 1, pages: 3, total: 25 });
    expect(codes(1)).toEqual(list.slice(0, 10).map((r) => r.qrdlCode));
    expect(view(list, "", "", 9)).toMatchObject({ page: 3, pages: 3 });
    expect(codes(9)).toEqual(list.slice(20).map((r) => r.qrdlCode));
    expect(view([], "", "", 1)).toMatchObject({ rows: [], page: 1, pages: 1 });
  });
});
