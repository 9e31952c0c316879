import { parseIPv4, parseIPv6 } from "@/lib/url-safety";

/**
 * The admin-kept list of private networks that outgoing deliveries (the webhook test event and
 * the alert webhooks) may reach. Browser-safe: the settings form and the server parse the same way.
 *
 * One entry per line: a network with its prefix length, optionally followed by the ports it may be
 * reached on: `10.20.0.0/16`, `192.168.1.10/32 ports 8080,8443`, `192.168.1.10/32:8080` or
 * `fd12:3456::/48 ports 443`. The prefix length is required: without it `fd00::1:8080` would be
 * ambiguous. An address with bits set beyond the prefix (`10.20.1.0/16`) is refused rather than
 * widened, since the admin probably meant something narrower.
 *
 * Never allowed, whatever the list says (the server checks the address again at delivery time):
 * loopback (127/8, ::1), the unspecified address (0.0.0.0 and :: reach this machine too) and
 * link-local (169.254/16, fe80::/10, where the cloud metadata services live). An entry that overlaps
 * one of them is refused with its own message.
 */

export const MAX_ALLOWED_NETWORKS = 50;
/** Generous for 50 entries; keeps hostile input cheap to refuse. */
export const MAX_NETWORKS_TEXT = 5_000;

/** A stored entry: the canonical CIDR and the ports it may be reached on (empty: any port). */
export interface AllowedNetwork {
  cidr: string;
  ports: number[];
}

export type NetworkIssue = "format" | "address" | "prefix" | "hostBits" | "port" | "loopback" | "unspecified" | "linkLocal" | "tooMany";

interface Net {
  family: 4 | 6;
  base: bigint;
  bits: number;
}

const width = (family: 4 | 6) => (family === 4 ? 32 : 128);

function v6ToBigint(groups: number[]): bigint {
  return groups.reduce((acc, g) => (acc << 16n) | BigInt(g), 0n);
}

/** An IP address as a number of its family; null when it is not one. IPv4-mapped IPv6 stays IPv6. */
function addressValue(text: string): { family: 4 | 6; value: bigint } | null {
  const v4 = parseIPv4(text);
  if (v4 !== null) return { family: 4, value: BigInt(v4) };
  const v6 = parseIPv6(text);
  return v6 ? { family: 6, value: v6ToBigint(v6) } : null;
}

const sameNetwork = (a: bigint, b: bigint, family: 4 | 6, bits: number) => {
  const shift = BigInt(width(family) - bits);
  return a >> shift === b >> shift;
};

function contains(net: Net, family: 4 | 6, value: bigint): boolean {
  return net.family === family && sameNetwork(net.base, value, family, net.bits);
}

function overlaps(a: Net, b: Net): boolean {
  return a.family === b.family && sameNetwork(a.base, b.base, a.family, Math.min(a.bits, b.bits));
}

function net(cidr: string): Net {
  const [addr, bits] = cidr.split("/");
  const v = addressValue(addr!)!;
  return { family: v.family, base: v.value, bits: Number(bits) };
}

/** What no entry may overlap, with the issue it earns (IPv4-mapped IPv6 forms included). */
const NEVER: [Net, NetworkIssue][] = [
  [net("127.0.0.0/8"), "loopback"],
  [net("::1/128"), "loopback"],
  [net("::ffff:127.0.0.0/104"), "loopback"],
  [net("0.0.0.0/8"), "unspecified"],
  [net("::/128"), "unspecified"],
  [net("::ffff:0.0.0.0/104"), "unspecified"],
  [net("169.254.0.0/16"), "linkLocal"],
  [net("fe80::/10"), "linkLocal"],
  [net("::ffff:169.254.0.0/112"), "linkLocal"],
];

function v4Text(value: bigint): string {
  const n = Number(value);
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join(".");
}

/** The compressed lower-case form (RFC 5952: the longest run of two or more zero groups becomes "::"). */
function v6Text(value: bigint): string {
  const groups = Array.from({ length: 8 }, (_, i) => Number((value >> BigInt(112 - 16 * i)) & 0xffffn));
  let best = { at: -1, len: 0 };
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > best.len && j - i >= 2) best = { at: i, len: j - i };
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (best.at < 0) return hex.join(":");
  return `${hex.slice(0, best.at).join(":")}::${hex.slice(best.at + best.len).join(":")}`;
}

export type EntryResult = { ok: true; entry: AllowedNetwork } | { ok: false; issue: NetworkIssue };

/** One line of the list → an entry in canonical form, or why it is refused. */
export function parseNetworkEntry(raw: string): EntryResult {
  const line = raw.trim();
  const fail = (issue: NetworkIssue): EntryResult => ({ ok: false, issue });
  const slash = line.indexOf("/");
  if (slash < 0) return fail(addressValue(line.split(/[\s]/)[0]!) ? "prefix" : "format");
  const addrText = line.slice(0, slash);
  if (!/^[0-9a-f:.]+$/i.test(addrText)) return fail("address");
  const addr = addressValue(addrText);
  if (!addr) return fail("address");
  const m = /^(\d{1,3})(?![\d])(.*)$/s.exec(line.slice(slash + 1));
  if (!m) return fail("prefix");
  const bits = Number(m[1]);
  if (bits > width(addr.family)) return fail("prefix");
  let ports: number[] = [];
  if (m[2] !== "") {
    const tail = /^(?::\s*|\s+ports?\s+)(.+)$/i.exec(m[2]!);
    if (!tail) return fail("format");
    const parts = tail[1]!.trim().split(/\s*,\s*/);
    if (!parts.every((p) => /^\d{1,5}$/.test(p) && Number(p) >= 1 && Number(p) <= 65_535)) return fail("port");
    ports = [...new Set(parts.map(Number))].sort((a, b) => a - b);
  }
  const entry: Net = { family: addr.family, base: addr.value, bits };
  const hostMask = (1n << BigInt(width(addr.family) - bits)) - 1n;
  if ((addr.value & hostMask) !== 0n) return fail("hostBits");
  for (const [never, issue] of NEVER) if (overlaps(entry, never)) return fail(issue);
  const base = addr.family === 4 ? v4Text(addr.value) : v6Text(addr.value);
  return { ok: true, entry: { cidr: `${base}/${bits}`, ports } };
}

/** How an entry is written in the settings form (and parsed back by parseNetworkEntry). */
export const formatNetwork = (e: AllowedNetwork) => (e.ports.length ? `${e.cidr} ports ${e.ports.join(",")}` : e.cidr);

export interface ListIssue {
  /** 1-based line of the text. */
  line: number;
  text: string;
  issue: NetworkIssue;
}

/** The whole textarea: blank lines skipped, duplicates merged, at most MAX_ALLOWED_NETWORKS entries. */
export function parseNetworkList(text: string): { entries: AllowedNetwork[]; issues: ListIssue[] } {
  const entries: AllowedNetwork[] = [];
  const seen = new Set<string>();
  const issues: ListIssue[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    if (raw.trim() === "") return;
    const r = parseNetworkEntry(raw);
    if (!r.ok) return void issues.push({ line: i + 1, text: raw.trim(), issue: r.issue });
    const key = formatNetwork(r.entry);
    if (seen.has(key)) return;
    seen.add(key);
    if (entries.length === MAX_ALLOWED_NETWORKS) return void issues.push({ line: i + 1, text: raw.trim(), issue: "tooMany" });
    entries.push(r.entry);
  });
  return { entries, issues };
}

/** Stored entries read back: anything that would not parse today (an old or hand-edited row) is dropped. */
export function sanitizeNetworks(stored: unknown): AllowedNetwork[] {
  if (!Array.isArray(stored)) return [];
  const out: AllowedNetwork[] = [];
  for (const e of stored.slice(0, MAX_ALLOWED_NETWORKS)) {
    const cidr = (e as { cidr?: unknown })?.cidr;
    const ports = (e as { ports?: unknown })?.ports;
    if (typeof cidr !== "string" || !Array.isArray(ports) || !ports.every((p) => Number.isInteger(p))) continue;
    const r = parseNetworkEntry(formatNetwork({ cidr, ports: ports as number[] }));
    if (r.ok) out.push(r.entry);
  }
  return out;
}

/** IPv4 carried in an IPv4-mapped IPv6 address (::ffff:a.b.c.d), matched against IPv4 entries too. */
function mappedV4(value: bigint): bigint | null {
  return value >> 32n === 0xffffn ? value & 0xffff_ffffn : null;
}

export type NetworkMatch = "allowed" | "notListed" | "port";

/**
 * Whether `address` (an IP address, as resolved or written in the URL) on `port` is covered by the
 * list: "port" when a network covers it but none of those covering it lists the port.
 */
export function matchAllowedNetworks(list: AllowedNetwork[], address: string, port: number): NetworkMatch {
  const a = addressValue(address);
  if (!a) return "notListed";
  const forms: [4 | 6, bigint][] = [[a.family, a.value]];
  const v4 = a.family === 6 ? mappedV4(a.value) : null;
  if (v4 !== null) forms.push([4, v4]);
  let covered = false;
  for (const e of list) {
    const n = net(e.cidr);
    if (!forms.some(([family, value]) => contains(n, family, value))) continue;
    if (e.ports.length === 0 || e.ports.includes(port)) return "allowed";
    covered = true;
  }
  return covered ? "port" : "notListed";
}
