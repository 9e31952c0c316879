import { describe, expect, it } from "vitest";
import { addPhoneNumberSchema, PV, requestCodeSchema, verifiedNameIssue, verifyCodeSchema } from "./phone-numbers";

const base = { spaceId: "space-1", country: "SG", nationalNumber: "81234567", verifiedName: "Acme Retail" };
const issues = (input: Record<string, unknown>) => {
  const r = addPhoneNumberSchema.safeParse({ ...base, ...input });
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}:${i.message}`);
};

describe("addPhoneNumberSchema: the number (API.md §8)", () => {
  it.each([
    ["SG", "81234567"],
    ["CN", "13800138000"],
    ["US", "2025550123"],
    ["GB", "7700900123"],
    ["IN", "9123456789"], // an Indian mobile may start with 91, the country code
    ["KZ", "7012345678"], // Kazakh numbers start with 7, their country code
    ["IT", "0612345678"], // Italian landlines keep the 0 in international form
    ["DE", "15112345678"],
  ])("accepts %s %s", (country, nationalNumber) => {
    expect(issues({ country, nationalNumber })).toEqual([]);
  });

  it.each([
    ["SG", "+6581234567", PV.digitsOnly],
    ["SG", "8123 4567", PV.digitsOnly],
    ["SG", "8123-4567", PV.digitsOnly],
    ["CN", "8613800138000", PV.repeatsCountryCode],
    ["US", "12025550123", PV.repeatsCountryCode],
    ["SG", "6581234567", PV.repeatsCountryCode],
    ["GB", "07700900123", PV.trunkZero],
    ["SG", "123", PV.tooShort],
    ["US", "2025", PV.tooShort], // 1 + 4 digits is below the 8 CAMS needs
    ["CN", "1380013800012345", PV.tooLong], // 2 + 16 > 15
    ["SG", "", PV.required],
  ])("refuses %s %j with %s", (country, nationalNumber, message) => {
    expect(issues({ country, nationalNumber })).toEqual([`nationalNumber:${message}`]);
  });

  it("refuses an unknown country", () => {
    expect(issues({ country: "ZZ" })).toEqual([`country:${PV.country}`]);
    expect(issues({ country: "" })).toContain(`country:${PV.country}`);
  });

  it("trims the display name and keeps the digits as typed", () => {
    const r = addPhoneNumberSchema.parse({ ...base, verifiedName: "  Acme Retail  " });
    expect(r).toEqual({ ...base, verifiedName: "Acme Retail" });
  });
});

describe("display name (VerifiedName) rules", () => {
  it.each(["Acme Retail", "KFC", "HSBC UK", "Skyward Travel Support", "Dr. Oetker (Asia) Pte-Ltd", "阿里巴巴", "Café & Co.", "Nusantara Foods: Orders", "Ab1"])(
    "accepts %j",
    (name) => expect(verifiedNameIssue(name)).toBeNull(),
  );

  it.each([
    ["", "nameLength"],
    ["Ab", "nameLength"],
    ["x".repeat(256), "nameLength"],
    ["Acme 🛒 Retail", "nameEmoji"],
    ["Acme ❤ Retail", "nameEmoji"],
    ["Acme 🇸🇬", "nameEmoji"],
    ["Acme #1 Retail", "nameCharacters"],
    ["Acme <Retail>", "nameCharacters"],
    ["Acme\nRetail", "nameCharacters"],
    ["Acme  Retail", "nameCharacters"],
    ["ACME RETAIL", "nameCapitals"],
    ["BEST DEALS TODAY", "nameCapitals"],
  ])("refuses %j (%s)", (name, issue) => expect(verifiedNameIssue(name)).toBe(issue));

  it("counts characters, not UTF-16 units, for the 255 limit", () => {
    expect(verifiedNameIssue("汉".repeat(255))).toBeNull();
    expect(verifiedNameIssue("𠀀".repeat(255))).toBeNull();
    expect(verifiedNameIssue("𠀀".repeat(256))).toBe("nameLength");
  });

  it("gives the translation key as the field message", () => {
    const r = addPhoneNumberSchema.safeParse({ ...base, verifiedName: "ACME RETAIL" });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]).toMatchObject({ path: ["verifiedName"], message: PV.nameCapitals });
  });
});

describe("verification", () => {
  const ref = { spaceId: "space-1", phoneNumber: "6581234567" };
  it("takes a 6-digit code, also pasted with a space or dash", () => {
    expect(verifyCodeSchema.parse({ ...ref, code: "123456" }).code).toBe("123456");
    expect(verifyCodeSchema.parse({ ...ref, code: " 123 456 " }).code).toBe("123456");
    expect(verifyCodeSchema.parse({ ...ref, code: "123-456" }).code).toBe("123456");
  });
  it.each(["12345", "1234567", "12a456", ""])("refuses code %j", (code) => {
    expect(verifyCodeSchema.safeParse({ ...ref, code }).success).toBe(false);
  });
  it("needs a full number (country code + number, 8–15 digits)", () => {
    expect(verifyCodeSchema.safeParse({ ...ref, phoneNumber: "+6581234567", code: "123456" }).success).toBe(false);
    expect(verifyCodeSchema.safeParse({ ...ref, phoneNumber: "6581234", code: "123456" }).success).toBe(false);
  });
  it("sends SMS or VOICE, in en_US or zh_CN", () => {
    expect(requestCodeSchema.safeParse({ ...ref, method: "SMS", locale: "en_US" }).success).toBe(true);
    expect(requestCodeSchema.safeParse({ ...ref, method: "sms", locale: "en_US" }).success).toBe(false);
    expect(requestCodeSchema.safeParse({ ...ref, method: "VOICE", locale: "fr_FR" }).success).toBe(false);
  });
});
