import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LOCAL_ERROR_CODES } from "@/lib/cams/errors";
import { camsErrorKey, codeOfCamsErrorKey } from "./cams-errors";
import { camsErrorCodesIn, explainCamsErrorIn } from "./translators";

const explainCamsError = explainCamsErrorIn;
const KNOWN_CAMS_ERROR_CODES = camsErrorCodesIn("en");

/** Every code shared/cams/API.md §7 names (Missing{Param} is the MissingParameter family). */
const API_SECTION_7 = [
  "Product.Unsubscript",
  "Ram.PermissionDeny",
  "System.LimitControl",
  "Unknown.ResourceOwnerId",
  "Authentication.NoAuth",
  "InvalidParameter.PhoneNumberError",
  "InvalidParameter.FromOnlyNumeric",
  "InvalidParameter.ToOnlyNumeric",
  "InvalidParameter.ChannelTypeNotSupport",
  "SignatureDoesNotMatch",
  "IncompleteSignature",
  "InvalidAccessKeyId.NotFound",
  "InvalidAccessKeyId.Inactive",
  "InvalidTimeStamp.Expired",
  "InvalidTimeStamp.Format",
  "SignatureNonceUsed",
  "MissingParameter",
  "InvalidApi.NotFound",
  "Throttling.User",
  "Forbidden.RAM",
  "InternalError",
  "ServiceUnavailable",
];

/** The codes written in backticks in §7 of API.md (beside this repository, as the README says). */
function codesInApiSection7(file: string): string[] {
  const text = fs.readFileSync(file, "utf8");
  const section = text.slice(text.indexOf("## 7. Error codes"), text.indexOf("## 8."));
  const out: string[] = [];
  let family = "";
  for (const m of section.matchAll(/(\/?)`([A-Za-z.{}]+)`/g)) {
    const [, slash, token] = m;
    if (token.includes("{")) continue; // Missing{Param}: a family, listed as MissingParameter
    // "`InvalidParameter.FromOnlyNumeric`/`ToOnlyNumeric`": the second one shares the first's prefix.
    const code = slash && !token.includes(".") && family ? `${family}.${token}` : token;
    if (!/^[A-Z][A-Za-z]+(\.[A-Z][A-Za-z]+)?$/.test(code)) continue;
    family = code.includes(".") ? code.split(".")[0] : "";
    out.push(code);
  }
  return out;
}

const REQUIRED = [
  ...API_SECTION_7,
  "InvalidParameter.VerifyCode",
  "InvalidParameter.PhoneNumberNotVerified",
  // the sandbox's business codes
  "InvalidParameter.OnlyNumeric",
  "InvalidParameter.VerifiedName",
  "InvalidParameter.PhoneNumberExists",
  "InvalidParameter.VerifyCodeExpired",
  "InvalidOperation.RegistrationLimit",
  "InvalidParameter.EncryptionPublicKey",
  "InvalidParameter.QrdlCodeNotExist",
  "InvalidParameter.CallbackUrl",
  ...Object.values(LOCAL_ERROR_CODES),
];

const hasHan = (s: string) => /\p{Script=Han}/u.test(s);

describe("explainCamsError", () => {
  it("has an entry in both languages for every code API.md §7 names", () => {
    const apiMd = path.resolve(process.cwd(), "../shared/cams/API.md");
    // Where the document is beside the repository (as in development), the list above must be the section's list.
    if (fs.existsSync(apiMd)) expect(codesInApiSection7(apiMd), "API_SECTION_7 = the codes API.md §7 names").toEqual(API_SECTION_7);
    for (const locale of ["en", "zh-CN"] as const) {
      const known = camsErrorCodesIn(locale);
      expect(API_SECTION_7.filter((c) => !known.includes(c)), `codes without an entry in messages/${locale}/camsErrors.json`).toEqual([]);
    }
  });

  it("keys codes reversibly, and never as a prototype member", () => {
    expect(camsErrorKey("InvalidParameter.VerifyCode")).toBe("InvalidParameter_VerifyCode");
    expect(camsErrorKey("SignatureDoesNotMatch")).toBe("SignatureDoesNotMatch");
    for (const code of KNOWN_CAMS_ERROR_CODES) expect(codeOfCamsErrorKey(camsErrorKey(code)!)).toBe(code);
    for (const code of ["constructor", "__proto__", "toString", "a.b", "x y", ""]) expect(camsErrorKey(code)).toBeNull();
  });

  it("lists every required code as known", () => {
    for (const code of REQUIRED) expect(KNOWN_CAMS_ERROR_CODES).toContain(code);
  });

  it.each(KNOWN_CAMS_ERROR_CODES)("%s has English and Chinese text", (code: string) => {
    const en = explainCamsError(code, "en");
    const zh = explainCamsError(code, "zh-CN");
    for (const x of [en, zh]) {
      expect(x.title.length).toBeGreaterThan(3);
      expect(x.explanation.length).toBeGreaterThan(10);
      expect(x.explanation).not.toContain("returned the error code");
    }
    expect(hasHan(en.title + en.explanation + (en.action ?? ""))).toBe(false);
    expect(hasHan(zh.title)).toBe(true);
    expect(hasHan(zh.explanation)).toBe(true);
    if (zh.action) expect(hasHan(zh.action)).toBe(true);
  });

  it("explains Missing* and Throttling* codes by family, naming the parameter", () => {
    expect(explainCamsError("MissingPhoneNumber", "en").explanation).toContain("PhoneNumber");
    expect(explainCamsError("MissingCustSpaceId", "zh-CN").title).toBe("缺少必填参数");
    expect(explainCamsError("Throttling.Api", "en").title).toBe("Too many requests");
    expect(explainCamsError("InvalidParameter.Brand", "en").explanation).toContain("InvalidParameter.Brand");
  });

  it("gives a generic text that still shows an unknown code", () => {
    const en = explainCamsError("Some.NewCode", "en");
    const zh = explainCamsError("Some.NewCode", "zh-CN");
    expect(en.title).toContain("Some.NewCode");
    expect(en.explanation).toContain("Some.NewCode");
    expect(zh.explanation).toContain("Some.NewCode");
    expect(hasHan(zh.explanation)).toBe(true);
    // Object.prototype keys are not codes.
    expect(explainCamsError("constructor", "en").explanation).toContain("constructor");
  });
});
