import { describe, expect, it } from "vitest";
import { accountWebhookSchema, phoneWebhookSchema, testDeliverySchema, WV } from "@/lib/schemas/webhooks";
import {
  callbackUrlIssue,
  classifyAddress,
  isPlainHttp,
  literalAddress,
  MAX_CALLBACK_URL_LENGTH,
  obviousPrivateRange,
  parseIPv6,
} from "./url-safety";

describe("callbackUrlIssue", () => {
  it.each([
    "https://hooks.example.com/cams/status",
    "http://hooks.example.com:8080/in?token=abc&x=1",
    "https://例子.测试/回调",
    "https://[2001:4860:4860::8888]/cb",
    "HTTPS://Hooks.Example.com/",
  ])("accepts %s", (url) => expect(callbackUrlIssue(url)).toBeNull());

  it.each([
    ["http://user:pw@x.example", "credentials"],
    ["https://user@x.example/", "credentials"],
    ["https://:secret@x.example/", "credentials"],
    ["javascript:alert(1)", "scheme"],
    ["JavaScript://%0aalert(1)", "scheme"],
    ["ftp://files.example.com/", "scheme"],
    ["data:text/plain,hi", "scheme"],
    ["file:///etc/passwd", "scheme"],
    ["hooks.example.com/cb", "format"],
    ["//hooks.example.com/cb", "format"],
    ["/relative/path", "format"],
    ["http:/hooks.example.com", "format"],
    ["https:hooks.example.com", "format"],
    ["http://", "format"],
    ["http://exa mple.com", "whitespace"],
    [" https://x.example", "whitespace"],
    ["https://x.example/\n", "whitespace"],
    ["https://x.exa\tmple/", "whitespace"],
    ["https://x.example/\u0000", "whitespace"],
    ["https://x.example/\u200b", "whitespace"],
    ["https://x.example/\u00a0", "whitespace"],
    ["https://x.example/\u2028", "whitespace"],
    ["http://[::1", "format"],
    ["http://999.1.1.1.1:abc/", "format"],
  ])("refuses %j as %s", (url, issue) => expect(callbackUrlIssue(url)).toBe(issue));

  it("bounds the length at 1024 characters", () => {
    const base = "https://hooks.example.com/";
    expect(callbackUrlIssue(base + "a".repeat(MAX_CALLBACK_URL_LENGTH - base.length))).toBeNull();
    expect(callbackUrlIssue(base + "a".repeat(MAX_CALLBACK_URL_LENGTH - base.length + 1))).toBe("tooLong");
  });

  it("flags plain http (a warning, not an error)", () => {
    expect(isPlainHttp("http://x.example/")).toBe(true);
    expect(isPlainHttp("https://x.example/")).toBe(false);
    expect(callbackUrlIssue("http://x.example/")).toBeNull();
  });
});

describe("literal addresses after WHATWG normalisation", () => {
  it.each([
    ["http://2130706433/", "127.0.0.1"],
    ["http://0x7f.1/", "127.0.0.1"],
    ["http://0x7f000001/", "127.0.0.1"],
    ["http://0177.0.0.1/", "127.0.0.1"],
    ["http://127.1/", "127.0.0.1"],
    ["http://127.0.0.1./", "127.0.0.1"],
    ["http://[::1]/", "::1"],
    ["http://[::ffff:127.0.0.1]/", "::ffff:7f00:1"],
    ["http://[0:0:0:0:0:ffff:a9fe:a9fe]/", "::ffff:a9fe:a9fe"],
    ["http://169.254.169.254/latest/meta-data", "169.254.169.254"],
    ["http://hooks.example.com/", null],
  ])("%s → %s", (raw, ip) => expect(literalAddress(new URL(raw))).toBe(ip));
});

describe("classifyAddress", () => {
  it.each([
    ["127.0.0.1", "loopback"],
    ["127.255.255.254", "loopback"],
    ["::1", "loopback"],
    ["::ffff:7f00:1", "loopback"],
    ["::ffff:127.0.0.1", "loopback"],
    ["0:0:0:0:0:ffff:7f00:0001", "loopback"],
    ["::ffff:0:7f00:1", "loopback"],
    ["::127.0.0.1", "loopback"],
    ["64:ff9b::127.0.0.1", "loopback"],
    ["2002:7f00:1::", "loopback"],
    ["10.0.0.1", "private"],
    ["172.16.0.1", "private"],
    ["172.31.255.255", "private"],
    ["192.168.1.20", "private"],
    ["100.64.0.1", "private"],
    ["100.127.255.255", "private"],
    ["::ffff:10.1.2.3", "private"],
    ["fc00::1", "private"],
    ["fd12:3456::1", "private"],
    ["169.254.169.254", "metadata"],
    ["::ffff:169.254.169.254", "metadata"],
    ["::ffff:a9fe:a9fe", "metadata"],
    ["fd00:ec2::254", "metadata"],
    ["100.100.100.200", "metadata"],
    ["169.254.1.1", "linkLocal"],
    ["fe80::1", "linkLocal"],
    ["fe80::1%eth0", "linkLocal"],
    ["febf::1", "linkLocal"],
    ["0.0.0.0", "unspecified"],
    ["0.1.2.3", "unspecified"],
    ["::", "unspecified"],
    ["::ffff:0.0.0.0", "unspecified"],
    ["224.0.0.1", "reserved"],
    ["255.255.255.255", "reserved"],
    ["ff02::1", "reserved"],
    ["not-an-ip", "reserved"],
    ["1.2.3", "reserved"],
  ])("%s is %s", (ip, range) => expect(classifyAddress(ip)).toBe(range));

  it.each(["8.8.8.8", "172.15.255.255", "172.32.0.1", "100.63.255.255", "100.128.0.1", "169.253.1.1", "2001:4860:4860::8888", "2a00:1450::1", "::ffff:8.8.8.8"])(
    "%s is public",
    (ip) => expect(classifyAddress(ip)).toBeNull(),
  );

  it("parses IPv6 forms strictly", () => {
    expect(parseIPv6("1:2:3:4:5:6:7:8")).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(parseIPv6("1::8")).toEqual([1, 0, 0, 0, 0, 0, 0, 8]);
    expect(parseIPv6("1:2:3:4:5:6:7:8:9")).toBeNull();
    expect(parseIPv6("1::2::3")).toBeNull();
    expect(parseIPv6("1:2:3:4:5:6:7")).toBeNull();
    expect(parseIPv6("12345::")).toBeNull();
    expect(parseIPv6("::ffff:1.2.3.256")).toBeNull();
  });
});

describe("obviousPrivateRange (the form's hint, without DNS)", () => {
  it.each([
    ["http://localhost:3000/cb", "loopback"],
    ["http://app.localhost/cb", "loopback"],
    ["http://2130706433/", "loopback"],
    ["http://0x7f.1/", "loopback"],
    ["http://[::1]/", "loopback"],
    ["http://[::ffff:127.0.0.1]/", "loopback"],
    ["http://169.254.169.254/", "metadata"],
    ["http://192.168.0.10/", "private"],
    ["https://hooks.example.com/", null],
    ["not a url", null],
  ])("%s → %s", (raw, range) => expect(obviousPrivateRange(raw)).toBe(range));
});

describe("webhook schemas", () => {
  const base = { spaceId: "space_1", phoneNumber: "8613800001234", statusCallbackUrl: "", upCallbackUrl: "", httpFlag: "N", queueFlag: "N" };
  const issues = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
    r.error?.issues.map((i) => `${i.path.join(".")}:${i.message}`) ?? [];

  it("accepts no URLs when HTTP receipt is off", () => {
    expect(phoneWebhookSchema.safeParse(base).success).toBe(true);
  });

  it("requires at least one URL when HTTP receipt is on", () => {
    const r = phoneWebhookSchema.safeParse({ ...base, httpFlag: "Y" });
    expect(issues(r)).toEqual([`statusCallbackUrl:${WV.urlRequired}`, `upCallbackUrl:${WV.urlRequired}`]);
    expect(phoneWebhookSchema.safeParse({ ...base, httpFlag: "Y", upCallbackUrl: "https://x.example/in" }).success).toBe(true);
  });

  it("puts URL problems on the field, as translation keys", () => {
    const r = phoneWebhookSchema.safeParse({ ...base, statusCallbackUrl: "http://user:pw@x", upCallbackUrl: "javascript:alert(1)" });
    expect(issues(r)).toEqual([`statusCallbackUrl:${WV.credentials}`, `upCallbackUrl:${WV.scheme}`]);
  });

  it("trims what a paste adds around a URL", () => {
    const r = phoneWebhookSchema.parse({ ...base, httpFlag: "Y", statusCallbackUrl: "  https://x.example/s  " });
    expect(r.statusCallbackUrl).toBe("https://x.example/s");
  });

  it("refuses flags other than Y and N", () => {
    expect(issues(phoneWebhookSchema.safeParse({ ...base, httpFlag: "yes" }))).toEqual([`httpFlag:${WV.flag}`]);
  });

  it("the space-level form needs the status URL when HTTP is on", () => {
    const r = accountWebhookSchema.safeParse({ spaceId: "s", statusCallbackUrl: "", httpFlag: "Y", queueFlag: "N" });
    expect(issues(r)).toEqual([`statusCallbackUrl:${WV.statusUrlRequired}`]);
  });

  it("a test delivery needs a valid URL", () => {
    expect(issues(testDeliverySchema.safeParse({ spaceId: "s", kind: "status", url: "" }))).toEqual([`url:${WV.testUrl}`]);
    expect(issues(testDeliverySchema.safeParse({ spaceId: "s", kind: "status", url: "gopher://x" }))).toEqual([`url:${WV.scheme}`]);
    expect(testDeliverySchema.safeParse({ spaceId: "s", kind: "inbound", url: "http://127.0.0.1:9/x" }).success).toBe(true);
  });
});
