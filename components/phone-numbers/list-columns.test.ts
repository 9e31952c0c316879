// @vitest-environment happy-dom
import { renderHook } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { useDataTable } from "@/components/use-data-table";
import { byNumber, listColumns, searchRows, type ListRow } from "./list-columns";
import type { ListState } from "./use-list-state";

const row = (phoneNumber: string, verifiedName: string, extra: Partial<ListRow> = {}): ListRow => ({
  phoneNumber,
  verifiedName,
  status: "CONNECTED",
  qualityRating: "GREEN",
  messagingLimitTier: "TIER_1K",
  codeVerificationStatus: "VERIFIED",
  nameStatus: "APPROVED",
  newNameStatus: null,
  spaceId: "s1",
  ...extra,
});

const rows = [
  row("8613800000011", "Acme Retail", { qualityRating: "RED", messagingLimitTier: "TIER_UNLIMITED" }),
  row("6581230018", "Acme Support", { qualityRating: "YELLOW", messagingLimitTier: "TIER_10" }),
  row("447700900123", "Skyward Travel", { qualityRating: "SOMETHING_NEW", messagingLimitTier: "TIER_250" }),
];

/** The phone list's table as phone-list.tsx builds it, for one URL state. */
function view(data: readonly ListRow[], s: Partial<Pick<ListState, "q" | "quality" | "sort" | "dir" | "page">> = {}) {
  const { result } = renderHook(() =>
    useDataTable({
      data,
      columns: listColumns("en"),
      tieOrder: byNumber,
      sort: { id: s.sort ?? "number", dir: s.dir ?? "asc" },
      search: s.q ?? "",
      globalFilterFn: searchRows,
      filters: { quality: s.quality ?? "" },
      page: s.page ?? 1,
      pageSize: 50,
    }),
  );
  return result.current;
}
const numbers = (s: Parameters<typeof view>[1]) => view(rows, s).rows.map((r) => r.phoneNumber);

describe("list filtering", () => {
  it("searches names case-insensitively and numbers by their digits, however they are typed", () => {
    expect(numbers({ q: "acme" }).sort()).toEqual(["6581230018", "8613800000011"]);
    expect(view(rows, { q: "+65 8123" }).rows.map((r) => r.verifiedName)).toEqual(["Acme Support"]);
    expect(view(rows, { q: "(44) 7700-900" }).rows.map((r) => r.verifiedName)).toEqual(["Skyward Travel"]);
    expect(numbers({ q: "   " })).toHaveLength(3);
    expect(numbers({ q: "nobody" })).toEqual([]);
    expect(view(rows, { q: "nobody" }).total).toBe(0);
  });
  it("filters by quality, unknown values included", () => {
    expect(view(rows, { quality: "RED" }).rows.map((r) => r.verifiedName)).toEqual(["Acme Retail"]);
    expect(numbers({ quality: "SOMETHING_NEW" })).toHaveLength(1);
    expect(numbers({ quality: "RED", q: "support" })).toEqual([]);
  });
});

describe("list sorting", () => {
  it("sorts by number by default", () => {
    expect(numbers({})).toEqual(["447700900123", "6581230018", "8613800000011"]);
    expect(numbers({ dir: "desc" })).toEqual(["8613800000011", "6581230018", "447700900123"]);
  });
  it("sorts tiers by their limit, mapping the guide's spellings", () => {
    expect(view(rows, { sort: "tier" }).rows.map((r) => r.messagingLimitTier)).toEqual(["TIER_250", "TIER_10", "TIER_UNLIMITED"]);
  });
  it("sorts quality green > yellow > red, unknown values lowest", () => {
    expect(view(rows, { sort: "quality", dir: "desc" }).rows.map((r) => r.qualityRating)).toEqual(["YELLOW", "RED", "SOMETHING_NEW"]);
  });
  it("breaks ties by number, ascending in either direction", () => {
    const same = [row("300", "Same"), row("100", "Same"), row("200", "Same")];
    expect(view(same, { sort: "name", dir: "asc" }).rows.map((r) => r.phoneNumber)).toEqual(["100", "200", "300"]);
    expect(view(same, { sort: "name", dir: "desc" }).rows.map((r) => r.phoneNumber)).toEqual(["100", "200", "300"]);
  });
  it("does not change its input", () => {
    const copy = [...rows];
    view(rows, { sort: "name", dir: "desc" });
    expect(rows).toEqual(copy);
  });
});

describe("pages", () => {
  it("clamps the page into range", () => {
    const many = Array.from({ length: 120 }, (_, i) => row(String(1000 + i), `n${i}`));
    expect(view(many, { page: 3 })).toMatchObject({ page: 3, pages: 3, total: 120 });
    expect(view(many, { page: 3 }).rows).toHaveLength(20);
    expect(view(many, { page: 3 }).rows[0]!.phoneNumber).toBe("1100");
    expect(view(many, { page: 99 }).page).toBe(3);
    expect(view(many, { page: 99 }).rows).toHaveLength(20);
    expect(view([], { page: 5 })).toMatchObject({ page: 1, pages: 1, rows: [] });
  });
});
