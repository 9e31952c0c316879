import { describe, expect, it } from "vitest";
import { COUNTRIES, countryName, formatPhoneNumber, nationalNumberIssue, sortedCountries, splitPhoneNumber } from "./phone";

describe("country list", () => {
  it("has unique ISO codes and digit-only calling codes", () => {
    const isos = COUNTRIES.map((c) => c.iso);
    expect(new Set(isos).size).toBe(isos.length);
    expect(COUNTRIES.length).toBeGreaterThan(200);
    for (const c of COUNTRIES) {
      expect(c.iso).toMatch(/^[A-Z]{2}$/);
      expect(c.cc).toMatch(/^[1-9]\d{0,2}$/);
    }
  });
  it("names countries in both UI languages", () => {
    expect(countryName("SG", "en")).toBe("Singapore");
    expect(countryName("CN", "zh-CN")).toBe("中国");
    expect(sortedCountries("en")[0]!.name).toBe("Afghanistan");
  });
});

describe("splitPhoneNumber / formatPhoneNumber", () => {
  it.each([
    ["8613800000011", "86", "CN", "+86 138 0000 0011"],
    ["6581230011", "65", "SG", "+65 8123 0011"],
    ["12025550123", "1", "US", "+1 202 555 0123"],
    ["14165550123", "1", "CA", "+1 416 555 0123"],
    ["18765550123", "1", "JM", "+1 876 555 0123"],
    ["447700900123", "44", "GB", "+44 770 090 0123"],
    ["441534123456", "44", "JE", "+44 153 412 3456"],
    ["77012345678", "7", "KZ", "+7 701 234 5678"],
    ["74951234567", "7", "RU", "+7 495 123 4567"],
    ["6281234000011", "62", "ID", "+62 812 3400 0011"],
    ["9719876543", "971", "AE", "+971 987 6543"],
  ])("%s → +%s (%s)", (full, cc, iso, formatted) => {
    expect(splitPhoneNumber(full)).toMatchObject({ cc, iso });
    expect(formatPhoneNumber(full)).toBe(formatted);
  });
  it("leaves an unassigned code as it came", () => {
    expect(formatPhoneNumber("999123456")).toBe("999123456");
  });
});

describe("nationalNumberIssue", () => {
  it("tells a repeated country code from a number that starts with the same digits", () => {
    expect(nationalNumberIssue("91", "919876543210")).toBe("repeatsCountryCode");
    expect(nationalNumberIssue("91", "9123456789")).toBeNull();
    expect(nationalNumberIssue("7", "77012345678")).toBe("repeatsCountryCode");
    expect(nationalNumberIssue("7", "7012345678")).toBeNull();
  });
});
