import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allSpacesPageSchema } from "@/lib/schemas/phone-numbers";
import { allSpacesPageQueryOf, SORT_KEYS } from "./phone-list";

/** What the server does with the same state: drop empty values, then parse. */
const serverParse = (state: Record<string, unknown>) =>
  allSpacesPageSchema.parse(Object.fromEntries(Object.entries(state).filter(([, v]) => v !== "" && v !== null && v !== undefined)));

describe("allSpacesPageQueryOf (the browser's page query, without zod)", () => {
  it("agrees with allSpacesPageSchema on URL states, valid and not", () => {
    const value = fc.oneof(
      fc.constant(undefined),
      fc.constant(""),
      fc.string({ maxLength: 120 }),
      fc.constantFrom(...SORT_KEYS, "asc", "desc", "CONNECTED", "GREEN", "high_1", "1", "0", "-3", "2.5", "1000000", "1000001", "abc", " 7", "x".repeat(101)),
      fc.integer({ min: -5, max: 2_000_000 }).map(String),
    );
    fc.assert(
      fc.property(fc.record({ q: value, status: value, quality: value, sort: value, dir: value, page: value }, { requiredKeys: [] }), (state) => {
        expect(allSpacesPageQueryOf(state)).toEqual(serverParse(state));
      }),
      { numRuns: 2000 },
    );
  });

  it("keeps a valid state as it is and defaults the rest", () => {
    expect(allSpacesPageQueryOf({ q: "8613", status: "CONNECTED", quality: "", sort: "quality", dir: "desc", page: "3" })).toEqual({ q: "8613", status: "CONNECTED", quality: undefined, sort: "quality", dir: "desc", page: 3 });
    expect(allSpacesPageQueryOf({})).toEqual({ q: "", status: undefined, quality: undefined, sort: "number", dir: "asc", page: 1 });
  });
});
