import { describe, expect, it } from "vitest";
import { numberState } from "@/lib/number-states";
import { STATUS_FILTERS } from "./enum-values";

describe("status filter values", () => {
  // Moved from lib/number-states.test.ts: lib/ imports nothing of components/ (eslint.config.mjs).
  it("offers only statuses the number-state table explains", () => {
    for (const s of STATUS_FILTERS) expect(numberState(s).key, s).toBe(s);
  });
});
