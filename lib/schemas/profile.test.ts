import { describe, expect, it } from "vitest";
import { modifyBusinessProfileInput, normalizeVertical, businessProfileDto } from "@/lib/cams/wire-profile";
import { imageSize, pictureIssue, profileDiff, profileValuesSchema, PV, type ProfileView } from "./profile";

const valid = { about: "Hi", address: "", description: "", email: "", vertical: "RETAIL", websites: [], profilePictureUrl: "" };
const issues = (v: Record<string, unknown>) => {
  const r = profileValuesSchema.safeParse({ ...valid, ...v });
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}:${i.message}`);
};

describe("profile form schema: WhatsApp's limits at their edges", () => {
  it.each([
    ["about", 139, PV.tooLong],
    ["address", 256, PV.tooLong],
    ["description", 512, PV.tooLong],
  ])("%s: %i characters pass, one more does not", (field, n, message) => {
    expect(issues({ [field]: "a".repeat(n) })).toEqual([]);
    expect(issues({ [field]: "a".repeat(n + 1) })).toEqual([`${field}:${message}`]);
  });

  it("counts an emoji as one character (code points), as WhatsApp does", () => {
    expect(issues({ about: "😀".repeat(139) })).toEqual([]);
    expect(issues({ about: "😀".repeat(140) })).toEqual([`about:${PV.tooLong}`]);
    expect(issues({ description: "你".repeat(512) })).toEqual([]);
    expect(issues({ description: "你".repeat(513) })).toEqual([`description:${PV.tooLong}`]);
  });

  it("about cannot be empty; e-mail ≤ 128 and well-formed", () => {
    expect(issues({ about: "   " })).toEqual([`about:${PV.aboutRequired}`]);
    const local = "a".repeat(128 - "@x.example".length);
    expect(issues({ email: `${local}@x.example` })).toEqual([]);
    expect(issues({ email: `${local}a@x.example` })).toEqual([`email:${PV.tooLong}`]);
    expect(issues({ email: "not-an-address" })).toEqual([`email:${PV.email}`]);
  });

  it("at most 2 websites, each an http(s) URL of ≤ 256 characters, no duplicates", () => {
    const url = (n: number) => `https://a.example/${"p".repeat(n - "https://a.example/".length)}`;
    expect(issues({ websites: [url(256), "http://b.example"] })).toEqual([]);
    expect(issues({ websites: [url(257)] })).toEqual([`websites.0:${PV.websiteTooLong}`]);
    expect(issues({ websites: ["https://a.example", "https://b.example", "https://c.example"] })).toEqual([`websites:${PV.tooManyWebsites}`]);
    expect(issues({ websites: ["ftp://a.example"] })).toEqual([`websites.0:${PV.website}`]);
    expect(issues({ websites: ["https://a.example", "https://a.example"] })).toEqual([`websites.1:${PV.websiteDuplicate}`]);
    expect(issues({ websites: ["", ""] })).toEqual([]);
  });

  it("vertical: a code or not chosen; anything else is refused", () => {
    expect(issues({ vertical: "" })).toEqual([]);
    expect(issues({ vertical: "零售" })).toEqual([`vertical:${PV.vertical}`]);
    expect(issues({ vertical: "SHOPPING" })).toEqual([`vertical:${PV.vertical}`]);
  });

  it("the wire input enforces the same limits (n passes, n + 1 does not)", () => {
    const ok = (v: object) => modifyBusinessProfileInput.safeParse({ phoneNumber: "6581230001", ...v }).success;
    expect(ok({ about: "😀".repeat(139) })).toBe(true);
    expect(ok({ about: "😀".repeat(140) })).toBe(false);
    expect(ok({ websites: ["https://a", "https://b"] })).toBe(true);
    expect(ok({ websites: ["https://a", "https://b", "https://c"] })).toBe(false);
    expect(ok({ email: "e".repeat(128) })).toBe(true);
    expect(ok({ email: "e".repeat(129) })).toBe(false);
  });
});

describe("vertical as CAMS answers it", () => {
  it("maps a code, a Chinese label and an English label to the code; keeps an unknown value", () => {
    expect(normalizeVertical("RETAIL")).toBe("RETAIL");
    expect(normalizeVertical("零售")).toBe("RETAIL");
    expect(normalizeVertical("餐饮")).toBe("RESTAURANT");
    expect(normalizeVertical("Professional Services")).toBe("PROF_SERVICES");
    expect(normalizeVertical("UNDEFINED")).toBeNull();
    expect(normalizeVertical("")).toBeNull();
    expect(normalizeVertical("宠物")).toBe("宠物");
    expect(businessProfileDto.parse({ vertical: "零售", websites: '["https://a.example"]' })).toMatchObject({ vertical: "RETAIL", websites: ["https://a.example"] });
  });
});

describe("picture checks before anything is sent", () => {
  const png = (w: number, h: number) => {
    const b = new Uint8Array(33);
    b.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    new DataView(b.buffer).setUint32(16, w);
    new DataView(b.buffer).setUint32(20, h);
    return b;
  };
  const jpeg = (w: number, h: number) => new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 4, 0, 0, 0xff, 0xc0, 0, 11, 8, h >> 8, h & 255, w >> 8, w & 255, 3, 0, 0, 0]);
  it("reads PNG and JPEG sizes", () => {
    expect(imageSize(png(640, 480))).toEqual({ type: "image/png", width: 640, height: 480 });
    expect(imageSize(jpeg(300, 200))).toEqual({ type: "image/jpeg", width: 300, height: 200 });
    expect(imageSize(new Uint8Array([1, 2, 3]))).toBeNull();
  });
  it("square, ≥ 192 px, ≤ 5 MB, JPG or PNG", () => {
    expect(pictureIssue(png(192, 192), "image/png")).toBeNull();
    expect(pictureIssue(png(191, 191), "image/png")).toBe("small");
    expect(pictureIssue(png(400, 300), "image/png")).toBe("square");
    expect(pictureIssue(jpeg(500, 500), "image/jpeg")).toBeNull();
    expect(pictureIssue(jpeg(500, 500), "image/png")).toBe("type");
    expect(pictureIssue(png(500, 500), "image/gif")).toBe("type");
    const big = new Uint8Array(5 * 1024 * 1024 + 1);
    big.set(png(500, 500));
    expect(pictureIssue(big, "image/png")).toBe("size");
    const edge = new Uint8Array(5 * 1024 * 1024);
    edge.set(png(500, 500));
    expect(pictureIssue(edge, "image/png")).toBeNull();
  });
});

describe("the diff shown before saving", () => {
  it("lists exactly the fields that change, old → new", () => {
    const old: ProfileView = { about: "Hi", address: "", description: "", email: "", vertical: "RETAIL", websites: ["https://a.example"], profilePictureUrl: "" };
    const next = profileValuesSchema.parse({ ...old, about: "Hello", websites: ["https://a.example", ""] });
    expect(profileDiff(old, next)).toEqual([{ field: "about", from: "Hi", to: "Hello" }]);
  });
});
