import { describe, expect, it } from "vitest";
import { loadMessages } from "@/lib/i18n/load-messages";
import { allowedNetworksSchema, NV } from "@/lib/schemas/webhooks";
import { formatNetwork, matchAllowedNetworks, MAX_ALLOWED_NETWORKS, parseNetworkEntry, parseNetworkList, sanitizeNetworks } from "./allowed-networks";

describe("parseNetworkEntry", () => {
  it.each([
    ["10.20.0.0/16", { cidr: "10.20.0.0/16", ports: [] }],
    ["  192.168.1.10/32 ports 8443,8080 ", { cidr: "192.168.1.10/32", ports: [8080, 8443] }],
    ["192.168.1.10/32:8080", { cidr: "192.168.1.10/32", ports: [8080] }],
    ["192.168.1.10/32 port 80, 80", { cidr: "192.168.1.10/32", ports: [80] }],
    ["FD12:3456:0:0::/48 ports 443", { cidr: "fd12:3456::/48", ports: [443] }],
    ["fd00::2/128:8080,65535", { cidr: "fd00::2/128", ports: [8080, 65535] }],
    ["192.0.2.2/32", { cidr: "192.0.2.2/32", ports: [] }],
    ["100.64.0.0/10", { cidr: "100.64.0.0/10", ports: [] }],
  ])("accepts %s", (line, entry) => expect(parseNetworkEntry(line)).toEqual({ ok: true, entry }));

  it.each([
    ["10.20.0.0", "prefix"],
    ["10.20.0.0/33", "prefix"],
    ["fd00::/129", "prefix"],
    ["10.20.0.0/abc", "prefix"],
    ["10.20.0.0/1234", "prefix"],
    ["10.20.1.0/16", "hostBits"],
    ["fd00::1/64", "hostBits"],
    ["10.300.0.0/16", "address"],
    ["example.com/32", "address"],
    ["[fd00::]/64", "address"],
    ["fe80::1%eth0/128", "address"],
    ["hello", "format"],
    ["10.0.0.0/8 8080", "format"],
    ["10.0.0.0/8 ports", "format"],
    ["10.0.0.0/8 ports 0", "port"],
    ["10.0.0.0/8 ports 65536", "port"],
    ["10.0.0.0/8:80,,81", "port"],
    ["10.0.0.0/8 ports -1", "port"],
    ["127.0.0.0/8", "loopback"],
    ["127.0.0.1/32 ports 80", "loopback"],
    ["::1/128", "loopback"],
    ["::ffff:127.0.0.1/128", "loopback"],
    ["64.0.0.0/2", "loopback"],
    ["0.0.0.0/0", "loopback"],
    ["::/0", "loopback"],
    ["0.0.0.0/32", "unspecified"],
    ["169.254.0.0/16", "linkLocal"],
    ["169.254.169.254/32", "linkLocal"],
    ["169.0.0.0/8", "linkLocal"],
    ["fe80::/10", "linkLocal"],
    ["fe80::/64", "linkLocal"],
    ["::ffff:169.254.1.0/120", "linkLocal"],
  ])("refuses %s (%s)", (line, issue) => expect(parseNetworkEntry(line)).toEqual({ ok: false, issue }));
});

describe("parseNetworkList", () => {
  it("skips blank lines, merges duplicates and names the line of each refused entry", () => {
    const r = parseNetworkList("10.20.0.0/16\n\n10.20.0.0/16\r\n127.0.0.0/8\n192.168.1.10/32 ports 8080");
    expect(r.entries.map(formatNetwork)).toEqual(["10.20.0.0/16", "192.168.1.10/32 ports 8080"]);
    expect(r.issues).toEqual([{ line: 4, text: "127.0.0.0/8", issue: "loopback" }]);
  });

  it(`keeps at most ${MAX_ALLOWED_NETWORKS} entries`, () => {
    const lines = Array.from({ length: MAX_ALLOWED_NETWORKS + 1 }, (_, i) => `10.0.${i}.0/24`);
    expect(parseNetworkList(lines.slice(0, -1).join("\n")).issues).toEqual([]);
    expect(parseNetworkList(lines.join("\n")).issues).toEqual([{ line: MAX_ALLOWED_NETWORKS + 1, text: lines.at(-1), issue: "tooMany" }]);
  });
});

describe("matchAllowedNetworks", () => {
  const list = parseNetworkList("10.20.0.0/16\n192.168.1.10/32 ports 8080,8443\nfd12:3456::/48 ports 443").entries;
  it.each([
    ["10.20.3.4", 80, "allowed"],
    ["10.21.0.1", 80, "notListed"],
    ["192.168.1.10", 8443, "allowed"],
    ["192.168.1.10", 80, "port"],
    ["192.168.1.11", 8080, "notListed"],
    ["::ffff:10.20.0.9", 443, "allowed"],
    ["fd12:3456:0:1::5", 443, "allowed"],
    ["fd12:3456:0:1::5", 80, "port"],
    ["fd12:3457::5", 443, "notListed"],
    ["not an address", 80, "notListed"],
  ] as const)("%s port %d → %s", (address, port, want) => expect(matchAllowedNetworks(list, address, port)).toBe(want));

  it("an empty list allows nothing", () => expect(matchAllowedNetworks([], "10.20.3.4", 80)).toBe("notListed"));
});

describe("sanitizeNetworks (what is read back from the settings table)", () => {
  it("keeps valid entries and drops anything that would not parse today, loopback included", () => {
    expect(sanitizeNetworks([{ cidr: "10.20.0.0/16", ports: [] }, { cidr: "127.0.0.0/8", ports: [] }, { cidr: "10.0.0.1/8", ports: [] }, "x", null, { cidr: "10.1.0.0/16", ports: ["80"] }])).toEqual([
      { cidr: "10.20.0.0/16", ports: [] },
    ]);
  });
  it("the former switch's `true` (or nothing) is an empty list", () => {
    expect(sanitizeNetworks(true)).toEqual([]);
    expect(sanitizeNetworks(undefined)).toEqual([]);
  });
});

describe("allowedNetworksSchema", () => {
  const issueOf = (networks: unknown) => {
    const r = allowedNetworksSchema.safeParse({ networks });
    return r.success ? null : r.error.issues.map((i) => ({ path: i.path, message: i.message }));
  };
  it("accepts a list and an empty one", () => {
    expect(issueOf("10.20.0.0/16\n192.168.1.10/32 ports 8080,8443")).toBeNull();
    expect(issueOf("")).toBeNull();
  });
  it("refuses at the field, with the first refused line's message", () => {
    expect(issueOf("10.20.0.0/16\n127.0.0.0/8")).toEqual([{ path: ["networks"], message: NV.loopback }]);
    expect(issueOf("169.254.0.0/16")).toEqual([{ path: ["networks"], message: NV.linkLocal }]);
    expect(issueOf("10.0.0.0/40")).toEqual([{ path: ["networks"], message: NV.prefix }]);
    expect(issueOf("10.0.0.0/8 ports 70000")).toEqual([{ path: ["networks"], message: NV.port }]);
    expect(issueOf("x".repeat(100_000))).toEqual([{ path: ["networks"], message: NV.tooLong }]);
    expect(issueOf(42)).toEqual([{ path: ["networks"], message: NV.format }]);
  });
  it.each(["en", "zh-CN"] as const)("every field message has a text in %s", (locale) => {
    const messages = loadMessages(locale);
    for (const key of Object.values(NV)) {
      const text = key.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], messages);
      expect(typeof text, `${locale}: ${key}`).toBe("string");
    }
  });
});
