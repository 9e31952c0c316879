import { describe, expect, it } from "vitest";
import { filterCodes, matchesQuery, pageOf } from "./qr-filter";

const row = (over: Partial<Parameters<typeof matchesQuery>[0]> = {}) => ({
  phoneNumber: "8613800001234",
  qrdlCode: "ABCD1234",
  generateQrImage: "PNG",
  prefilledMessage: "你好，我想咨询订单",
  deepLinkUrl: "https://wa.me/message/ABCD1234",
  qrImageUrl: null,
  verifiedName: "Harbour Retail",
  ...over,
});

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
    const rows = [row({ spaceId: "a" } as never), row({ spaceId: "b", qrdlCode: "ZZ" } as never), row({ phoneNumber: "6581230000", qrdlCode: "YY" })];
    expect(filterCodes(rows, "", "8613800001234").map((r) => r.qrdlCode)).toEqual(["ABCD1234", "ZZ"]);
    expect(filterCodes(rows, "", "b:8613800001234").map((r) => r.qrdlCode)).toEqual(["ZZ"]);
    expect(filterCodes(rows, "yy", "").map((r) => r.qrdlCode)).toEqual(["YY"]);
  });

  it("pages, clamping a page past the end", () => {
    const list = Array.from({ length: 25 }, (_, i) => i);
    expect(pageOf(list, 1, 10)).toEqual({ rows: list.slice(0, 10), page: 1, pages: 3 });
    expect(pageOf(list, 9, 10)).toEqual({ rows: list.slice(20), page: 3, pages: 3 });
    expect(pageOf([], 1, 10)).toEqual({ rows: [], page: 1, pages: 1 });
  });
});
