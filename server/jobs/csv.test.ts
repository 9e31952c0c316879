import { describe, expect, it } from "vitest";
import { toCsv } from "./csv";

describe("toCsv", () => {
  it("quotes separators, doubles quotes and defuses formulas", () => {
    const out = toCsv([
      ["a", "b,c", 'say "hi"'],
      ["=SUM(A1)", "-1", null, 8613800000011],
      ["line\nbreak", "@x", undefined, "零售"],
    ]);
    expect(out).toBe('\uFEFFa,"b,c","say ""hi"""\r\n\'=SUM(A1),\'-1,,8613800000011\r\n"line\nbreak",\'@x,,零售\r\n');
  });
});
