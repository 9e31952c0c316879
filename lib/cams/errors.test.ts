import { describe, expect, it } from "vitest";
import { explainCamsError, KNOWN_CAMS_ERROR_CODES, LOCAL_ERROR_CODES } from "./errors";

const REQUIRED = [
  "Product.Unsubscript",
  "Ram.PermissionDeny",
  "System.LimitControl",
  "Unknown.ResourceOwnerId",
  "SignatureDoesNotMatch",
  "IncompleteSignature",
  "InvalidAccessKeyId.NotFound",
  "InvalidAccessKeyId.Inactive",
  "InvalidTimeStamp.Expired",
  "SignatureNonceUsed",
  "MissingParameter",
  "InvalidApi.NotFound",
  "Throttling.User",
  "Forbidden.RAM",
  "InternalError",
  "ServiceUnavailable",
  "Authentication.NoAuth",
  "InvalidParameter.PhoneNumberError",
  "InvalidParameter.FromOnlyNumeric",
  "InvalidParameter.ToOnlyNumeric",
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
  it("lists every required code as known", () => {
    for (const code of REQUIRED) expect(KNOWN_CAMS_ERROR_CODES).toContain(code);
  });

  it.each(KNOWN_CAMS_ERROR_CODES)("%s has English and Chinese text", (code) => {
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
