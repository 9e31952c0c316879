import { describe, expect, it } from "vitest";
import { REDACTED, redact, storable } from "./redact";

describe("audit redaction", () => {
  it("removes secrets at any depth and keeps the rest", () => {
    const out = redact({
      name: "Prod",
      accessKeySecret: "abc",
      nested: { password: "pw", token: "t", list: [{ AccessKeySecret: "x", keep: 1 }] },
      encryptionPublicKey: "-----BEGIN PUBLIC KEY-----",
      fingerprint: "SHA256:abc",
    });
    expect(out).toEqual({
      name: "Prod",
      accessKeySecret: REDACTED,
      nested: { password: REDACTED, token: REDACTED, list: [{ AccessKeySecret: REDACTED, keep: 1 }] },
      encryptionPublicKey: REDACTED,
      fingerprint: "SHA256:abc",
    });
  });

  it("drops private keys wherever they appear, whatever the field name", () => {
    expect(redact({ note: `-----BEGIN ${"PRIVATE"} KEY-----\nMIIE…` })).toEqual({ note: REDACTED });
    expect(redact([`-----BEGIN RSA ${"PRIVATE"} KEY-----`])).toEqual([REDACTED]);
  });

  it("drops prototype-pollution keys and bounds size", () => {
    const hostile = JSON.parse('{"__proto__": {"polluted": true}, "constructor": 1, "a": "ok"}');
    expect(redact(hostile)).toEqual({ a: "ok" });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((redact("x".repeat(5000)) as string).length).toBeLessThan(2010);
    expect((redact(Array.from({ length: 500 }, (_, i) => i)) as unknown[]).length).toBe(200);
  });
});

describe("storable", () => {
  it("replaces U+0000, which PostgreSQL text and jsonb refuse, in values and keys", () => {
    expect(redact({ ["a\u0000b"]: "x\u0000y", n: ["\u0000"] })).toEqual({ "a\uFFFDb": "x\uFFFDy", n: ["\uFFFD"] });
    expect(storable("plain")).toBe("plain");
  });
});
