import { describe, expect, it } from "vitest";
import { charCount, composedExtra, graphemeCount } from "@/lib/text-length";
import {
  createQrCodeSchema,
  deleteQrCodeSchema,
  mayHaveQrCodes,
  PREFILLED_MAX,
  prefilledMessageField,
  QV,
  safeHttpUrl,
  updateQrCodeSchema,
} from "./qr-codes";

const base = { spaceId: "space_1", phoneNumber: "8613800001234", generateQrImage: "PNG" };
const messagesOf = (r: { success: boolean; error?: { issues: { message: string; path: PropertyKey[] }[] } }) =>
  r.error?.issues.map((i) => `${i.path.join(".")}:${i.message}`) ?? [];

describe("text length (code points)", () => {
  it("counts emoji and Chinese characters as one each, unlike String.length", () => {
    expect(charCount("😀")).toBe(1);
    expect("😀".length).toBe(2);
    expect(charCount("你好")).toBe(2);
    expect(charCount("Hi 😀 你好")).toBe(7);
  });

  it("counts a composed emoji as its code points and says how many extra a reader does not see", () => {
    const family = "👨‍👩‍👧";
    expect(charCount(family)).toBe(5);
    expect(graphemeCount(family)).toBe(1);
    expect(composedExtra(`ok ${family}`)).toBe(4);
    expect(composedExtra("你好 😀")).toBe(0);
  });
});

describe("prefilled message", () => {
  it("is trimmed before it is counted and sent", () => {
    const r = createQrCodeSchema.parse({ ...base, prefilledMessage: "  Hello there \n" });
    expect(r.prefilledMessage).toBe("Hello there");
    const padded = `   ${"a".repeat(PREFILLED_MAX)}   `;
    expect(prefilledMessageField.parse(padded)).toHaveLength(PREFILLED_MAX);
  });

  it("is required: empty, blank or missing is refused with the field message", () => {
    for (const prefilledMessage of ["", "   ", "\n\t", undefined]) {
      const r = createQrCodeSchema.safeParse({ ...base, prefilledMessage });
      expect(messagesOf(r)).toEqual([`prefilledMessage:${QV.required}`]);
    }
  });

  it("accepts 140 characters and refuses 141", () => {
    expect(prefilledMessageField.safeParse("a".repeat(140)).success).toBe(true);
    const r = createQrCodeSchema.safeParse({ ...base, prefilledMessage: "a".repeat(141) });
    expect(messagesOf(r)).toEqual([`prefilledMessage:${QV.tooLong}`]);
  });

  it("counts 140 emoji (280 UTF-16 units) as 140 and 141 as too long", () => {
    const emoji140 = "😀".repeat(140);
    expect(emoji140.length).toBe(280);
    expect(prefilledMessageField.safeParse(emoji140).success).toBe(true);
    expect(prefilledMessageField.safeParse(emoji140 + "😀").success).toBe(false);
  });

  it("counts Chinese text character by character", () => {
    expect(prefilledMessageField.safeParse("你好".repeat(70)).success).toBe(true);
    expect(prefilledMessageField.safeParse("你好".repeat(70) + "吗").success).toBe(false);
    expect(prefilledMessageField.safeParse(`${"我想咨询订单".repeat(23)}😀😀`).success).toBe(true);
  });

  it("keeps line breaks but refuses other control characters", () => {
    expect(prefilledMessageField.parse("Line 1\nLine 2")).toBe("Line 1\nLine 2");
    expect(messagesOf(prefilledMessageField.safeParse("a\u0000b"))).toEqual([`:${QV.controlChars}`]);
  });
});

describe("image type", () => {
  it("is PNG or SVG", () => {
    expect(createQrCodeSchema.parse({ ...base, prefilledMessage: "x", generateQrImage: "SVG" }).generateQrImage).toBe("SVG");
    expect(createQrCodeSchema.parse({ ...base, prefilledMessage: "x", generateQrImage: "PNG" }).generateQrImage).toBe("PNG");
    for (const generateQrImage of ["JPG", "png", "", undefined]) {
      const r = createQrCodeSchema.safeParse({ ...base, prefilledMessage: "x", generateQrImage });
      expect(messagesOf(r)).toEqual([`generateQrImage:${QV.imageType}`]);
    }
  });
});

describe("update and delete", () => {
  it("need a code of the CAMS shape and a full number", () => {
    expect(updateQrCodeSchema.safeParse({ ...base, prefilledMessage: "x", qrdlCode: "IUIED999" }).success).toBe(true);
    expect(messagesOf(updateQrCodeSchema.safeParse({ ...base, prefilledMessage: "x", qrdlCode: "a b" }))).toEqual([`qrdlCode:${QV.code}`]);
    expect(deleteQrCodeSchema.safeParse({ spaceId: "s", phoneNumber: "+86 138", qrdlCode: "A1" }).success).toBe(false);
    expect(deleteQrCodeSchema.safeParse({ spaceId: "../x", phoneNumber: "8613800001234", qrdlCode: "A1" }).success).toBe(false);
  });
});

describe("helpers", () => {
  it("only lets http(s) URLs through, unchanged", () => {
    expect(safeHttpUrl("https://wa.me/message/ABC")).toBe("https://wa.me/message/ABC");
    expect(safeHttpUrl("https://wa.msg")).toBe("https://wa.msg");
    expect(safeHttpUrl("javascript:alert(1)")).toBeNull();
    expect(safeHttpUrl("not a url")).toBeNull();
    expect(safeHttpUrl(null)).toBeNull();
  });

  it("asks CAMS about verified or unknown numbers only", () => {
    expect(mayHaveQrCodes("VERIFIED")).toBe(true);
    expect(mayHaveQrCodes(null)).toBe(true);
    expect(mayHaveQrCodes("NOT_VERIFIED")).toBe(false);
    expect(mayHaveQrCodes("UNVERIFIED")).toBe(false);
  });
});
