/**
 * Callback-URL rules shared by the webhook forms, the actions and the server's test delivery.
 * Browser-safe: no Node imports. The DNS part of the check lives in server/webhook-test-delivery.ts.
 *
 * Syntax (what CAMS can be given):
 * - starts with `http://` or `https://` (checked on the raw text: the WHATWG parser would
 *   otherwise accept `http:/x` or `HTTP:x` and quietly repair them);
 * - no whitespace, control or invisible format characters anywhere (the WHATWG parser silently
 *   drops tabs and newlines inside a URL, so what CAMS stores would differ from what was typed);
 * - no `user:password@` part (it would sit in CAMS and every log in clear text);
 * - at most 1024 characters: the sandbox's limit and the request-model bound in lib/cams/wire.ts.
 *   CAMS documents none; 1024 is generous for a callback address and keeps the query string of
 *   UpdatePhoneWebhook (both URLs travel in it) well below common 8 KB URL limits.
 * Plain `http://` is allowed (CAMS's own examples use it) but earns a warning.
 */

export const MAX_CALLBACK_URL_LENGTH = 1024;

export type UrlIssue = "format" | "scheme" | "whitespace" | "credentials" | "tooLong" | "host";

// \s covers Unicode spaces (incl. U+00A0, U+2028); Cc the C0/C1 controls; Cf zero-width and bidi marks.
const BAD_CHARS = /[\s\p{Cc}\p{Cf}]/u;

/** Parses a callback URL the way it will be used; null when it breaks a rule above. */
export function parseCallbackUrl(raw: string): URL | null {
  return callbackUrlIssue(raw) ? null : new URL(raw);
}

/** The first rule `raw` breaks, or null. An empty string is not checked here (fields decide if it is required). */
export function callbackUrlIssue(raw: string): UrlIssue | null {
  if (raw.length > MAX_CALLBACK_URL_LENGTH) return "tooLong";
  if (BAD_CHARS.test(raw)) return "whitespace";
  if (!/^[a-z][a-z0-9+.-]*:/i.test(raw)) return "format";
  if (!/^https?:\/\//i.test(raw)) return /^https?:/i.test(raw) ? "format" : "scheme";
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "format";
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return "scheme";
  if (url.username || url.password) return "credentials";
  if (!url.hostname || url.hostname.endsWith("..")) return "host";
  return null;
}

export const isPlainHttp = (raw: string) => /^http:\/\//i.test(raw.trim());

// ---- IP addresses ----

/** Why an address may not be called: anything but the public internet. */
export type AddressRange = "loopback" | "private" | "linkLocal" | "metadata" | "unspecified" | "reserved";

/** Dotted-quad IPv4 → 32-bit number. Only the canonical form: URL hosts are normalised by WHATWG first. */
export function parseIPv4(s: string): number | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  if (!m) return null;
  const o = m.slice(1).map(Number);
  if (o.some((x) => x > 255)) return null;
  return ((o[0]! << 24) | (o[1]! << 16) | (o[2]! << 8) | o[3]!) >>> 0;
}

/** IPv6 text (with or without brackets, `::`, a trailing dotted quad or a %zone) → eight 16-bit groups. */
export function parseIPv6(input: string): number[] | null {
  let s = input.replace(/^\[(.*)\]$/, "$1").replace(/%.*$/, "");
  if (!s.includes(":") || /[^0-9a-f:.]/i.test(s)) return null;
  const tail = /(\d{1,3}(?:\.\d{1,3}){3})$/.exec(s);
  if (tail) {
    const v4 = parseIPv4(tail[1]!);
    if (v4 === null) return null;
    s = s.slice(0, -tail[1]!.length) + `${(v4 >>> 16).toString(16)}:${(v4 & 0xffff).toString(16)}`;
  }
  const halves = s.split("::");
  if (halves.length > 2) return null;
  const groups = (h: string) => (h === "" ? [] : h.split(":"));
  const head = groups(halves[0]!);
  const rest = halves.length === 2 ? groups(halves[1]!) : [];
  const missing = 8 - head.length - rest.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const all = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill("0"), ...rest];
  if (all.some((g) => !/^[0-9a-f]{1,4}$/i.test(g))) return null;
  return all.map((g) => parseInt(g, 16));
}

const inV4 = (ip: number, base: string, bits: number) => {
  const b = parseIPv4(base)!;
  const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
  return ((ip & mask) >>> 0) === ((b & mask) >>> 0);
};

// Order matters: the metadata addresses sit inside link-local and shared space.
const V4_RANGES: [string, number, AddressRange][] = [
  ["169.254.169.254", 32, "metadata"], // AWS, GCP, Azure, OpenStack
  ["100.100.100.200", 32, "metadata"], // Alibaba Cloud ECS
  ["0.0.0.0", 8, "unspecified"],
  ["127.0.0.0", 8, "loopback"],
  ["10.0.0.0", 8, "private"],
  ["172.16.0.0", 12, "private"],
  ["192.168.0.0", 16, "private"],
  ["100.64.0.0", 10, "private"], // carrier-grade NAT / shared address space
  ["169.254.0.0", 16, "linkLocal"],
  ["192.0.0.0", 24, "reserved"],
  ["192.0.2.0", 24, "reserved"],
  ["198.18.0.0", 15, "reserved"],
  ["198.51.100.0", 24, "reserved"],
  ["203.0.113.0", 24, "reserved"],
  ["224.0.0.0", 4, "reserved"], // multicast
  ["240.0.0.0", 4, "reserved"], // incl. 255.255.255.255
];

function classifyV4(ip: number): AddressRange | null {
  for (const [base, bits, range] of V4_RANGES) if (inV4(ip, base, bits)) return range;
  return null;
}

/** IPv4 carried inside an IPv6 address (mapped, translated, compatible, NAT64, 6to4), if any. */
function embeddedV4(g: number[]): number | null {
  const v4 = (hi: number, lo: number) => ((hi << 16) | lo) >>> 0;
  const zeros = (from: number, to: number) => g.slice(from, to).every((x) => x === 0);
  if (zeros(0, 5) && g[5] === 0xffff) return v4(g[6]!, g[7]!); // ::ffff:a.b.c.d (mapped)
  if (zeros(0, 4) && g[4] === 0xffff && g[5] === 0) return v4(g[6]!, g[7]!); // ::ffff:0:a.b.c.d (SIIT)
  if (zeros(0, 6) && (g[6] !== 0 || g[7]! > 1)) return v4(g[6]!, g[7]!); // ::a.b.c.d (deprecated compatible)
  if (g[0] === 0x64 && g[1] === 0xff9b && zeros(2, 6)) return v4(g[6]!, g[7]!); // 64:ff9b::/96 NAT64
  if (g[0] === 0x2002) return v4(g[1]!, g[2]!); // 6to4
  return null;
}

function classifyV6(g: number[]): AddressRange | null {
  const is = (...want: number[]) => want.every((w, i) => g[i] === w);
  if (g.every((x) => x === 0)) return "unspecified";
  if (g.slice(0, 7).every((x) => x === 0) && g[7] === 1) return "loopback";
  if (is(0xfd00, 0x0ec2) && g.slice(2, 7).every((x) => x === 0) && g[7] === 0x254) return "metadata"; // AWS IPv6 IMDS
  const v4 = embeddedV4(g);
  if (v4 !== null) return classifyV4(v4);
  const first = g[0]!;
  if ((first & 0xffc0) === 0xfe80) return "linkLocal"; // fe80::/10
  if ((first & 0xfe00) === 0xfc00) return "private"; // fc00::/7 unique local
  if ((first & 0xffc0) === 0xfec0) return "private"; // fec0::/10 old site-local
  if (is(0x64, 0xff9b, 0x0001)) return "private"; // 64:ff9b:1::/48 local NAT64
  if ((first & 0xff00) === 0xff00) return "reserved"; // multicast
  if (is(0x2001, 0x0db8)) return "reserved"; // documentation
  if (is(0x0100) && g.slice(1, 4).every((x) => x === 0)) return "reserved"; // discard-only
  if (first === 0) return "reserved"; // the rest of ::/8
  return null;
}

/**
 * Where an IP address points: a range the test delivery refuses, or null for the public internet.
 * Text that is not an IP address is "reserved": refuse what cannot be understood.
 */
export function classifyAddress(address: string): AddressRange | null {
  const v4 = parseIPv4(address);
  if (v4 !== null) return classifyV4(v4);
  const v6 = parseIPv6(address);
  if (v6) return classifyV6(v6);
  return "reserved";
}

/**
 * The IP address a URL names directly, or null for a DNS name. WHATWG parsing has already turned
 * `http://2130706433/`, `http://0x7f.1/` and `http://0177.0.0.1/` into `127.0.0.1`, and IPv6 into
 * its compressed form in brackets.
 */
export function literalAddress(url: URL): string | null {
  const h = url.hostname;
  if (h.startsWith("[")) return h.slice(1, -1);
  return parseIPv4(h) !== null ? h : null;
}

/** Host names that always mean this machine, whatever DNS says. */
export const isLocalName = (hostname: string) => /(^|\.)localhost\.?$/i.test(hostname);

/**
 * What the form can tell without DNS: a literal address (or localhost) outside the public internet.
 * CAMS delivers from Alibaba Cloud, so such an address could never receive its callbacks.
 */
export function obviousPrivateRange(raw: string): AddressRange | null {
  const url = parseCallbackUrl(raw.trim());
  if (!url) return null;
  if (isLocalName(url.hostname)) return "loopback";
  const ip = literalAddress(url);
  return ip ? classifyAddress(ip) : null;
}
