import { describe, expect, it } from "vitest";
import { filterRows, indexRows, pageOf, sortRows, type ListRow } from "./list-model";

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
const indexed = indexRows(rows);

describe("list filtering", () => {
  it("searches names case-insensitively and numbers by their digits, however they are typed", () => {
    expect(filterRows(indexed, "acme", "").map((r) => r.phoneNumber)).toEqual(["8613800000011", "6581230018"]);
    expect(filterRows(indexed, "+65 8123", "").map((r) => r.verifiedName)).toEqual(["Acme Support"]);
    expect(filterRows(indexed, "(44) 7700-900", "").map((r) => r.verifiedName)).toEqual(["Skyward Travel"]);
    expect(filterRows(indexed, "   ", "")).toHaveLength(3);
    expect(filterRows(indexed, "nobody", "")).toEqual([]);
  });
  it("filters by quality, unknown values included", () => {
    expect(filterRows(indexed, "", "RED").map((r) => r.verifiedName)).toEqual(["Acme Retail"]);
    expect(filterRows(indexed, "", "SOMETHING_NEW")).toHaveLength(1);
  });
});

describe("list sorting", () => {
  it("sorts tiers by their limit, mapping the guide's spellings", () => {
    expect(sortRows(rows, "tier", "asc").map((r) => r.messagingLimitTier)).toEqual(["TIER_250", "TIER_10", "TIER_UNLIMITED"]);
  });
  it("sorts quality green > yellow > red, unknown values lowest", () => {
    expect(sortRows(rows, "quality", "desc").map((r) => r.qualityRating)).toEqual(["YELLOW", "RED", "SOMETHING_NEW"]);
  });
  it("does not change its input", () => {
    const copy = [...rows];
    sortRows(rows, "name", "desc");
    expect(rows).toEqual(copy);
  });
});

describe("pages", () => {
  it("clamps the page into range", () => {
    const many = Array.from({ length: 120 }, (_, i) => i);
    expect(pageOf(many, 3)).toMatchObject({ page: 3, pages: 3 });
    expect(pageOf(many, 3).rows).toHaveLength(20);
    expect(pageOf(many, 99).page).toBe(3);
    expect(pageOf([], 5)).toMatchObject({ page: 1, pages: 1, rows: [] });
  });
});
