import "server-only";
import http from "node:http";
import https from "node:https";
import net from "node:net";

/**
 * The client's address, as sign-in limits and the audit log see it. It is stamped on every request
 * at the socket, before Next.js reads the request: the socket's peer address, or, when that peer is
 * one of the operator's TRUSTED_PROXIES, the nearest untrusted address of the proxy's header
 * (CLIENT_ADDRESS_HEADER, default X-Forwarded-For). A client-sent forwarding header is never read
 * otherwise, and a client-sent stamp is overwritten.
 */
export const CLIENT_ADDRESS_HEADER = "x-cams-client-address";

export interface ClientAddressConfig {
  /** CIDR ranges (or single addresses) of the operator's reverse proxies; null: trust none. */
  trustedProxies: net.BlockList | null;
  /** The header the trusted proxies set (lower case). */
  header: string;
}

/** "::ffff:10.0.0.1" → "10.0.0.1"; anything else as it is (lower case). */
function normalize(address: string): string {
  const a = address.trim().toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(a);
  return mapped ? mapped[1]! : a;
}

function isTrusted(list: net.BlockList, address: string): boolean {
  const family = net.isIP(address);
  return family !== 0 && list.check(address, family === 6 ? "ipv6" : "ipv4");
}

/** "10.0.0.0/8, 192.168.1.20, ::1" → a BlockList; throws on an entry that is neither. */
export function parseTrustedProxies(value: string | undefined): net.BlockList | null {
  const entries = (value ?? "")
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean);
  if (entries.length === 0) return null;
  const list = new net.BlockList();
  for (const entry of entries) {
    const [addr, prefix, extra] = entry.split("/");
    const family = net.isIP(addr ?? "");
    const bits = prefix === undefined ? (family === 6 ? 128 : 32) : Number(prefix);
    if (!family || extra !== undefined || !Number.isInteger(bits) || bits < 0 || bits > (family === 6 ? 128 : 32) || (prefix !== undefined && !/^\d+$/.test(prefix))) {
      throw new Error(`TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range`);
    }
    list.addSubnet(addr!, bits, family === 6 ? "ipv6" : "ipv4");
  }
  return list;
}

/**
 * The socket's peer, unless it is a trusted proxy: then the forwarded chain is walked from the
 * right (the hop nearest to us) past trusted proxies to the first address that is not one. An
 * entry that is not an address ends the walk at the last trusted hop that passed it on.
 */
export function resolveClientAddress(socketAddress: string | undefined, forwarded: string | string[] | undefined, config: ClientAddressConfig): string {
  let current = socketAddress ? normalize(socketAddress) : "unknown";
  if (!config.trustedProxies || !isTrusted(config.trustedProxies, current)) return current;
  const chain = (Array.isArray(forwarded) ? forwarded.join(",") : (forwarded ?? ""))
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean);
  for (let i = chain.length - 1; i >= 0; i--) {
    const hop = normalize(chain[i]!);
    if (net.isIP(hop) === 0) return current;
    current = hop;
    if (!isTrusted(config.trustedProxies, hop)) return current;
  }
  return current;
}

type Emit = (this: net.Server, event: string | symbol, ...args: unknown[]) => boolean;
const installed = Symbol.for("cams.clientAddressStamp");
const globalForStamp = globalThis as unknown as { __camsClientAddressConfig?: ClientAddressConfig };

/**
 * Stamps CLIENT_ADDRESS_HEADER on every HTTP(S) request this process serves, replacing whatever
 * the client sent under that name. Installed once at server start (instrumentation.ts), in the
 * process that holds the listening socket (`next start` serves requests in-process).
 */
export function installClientAddressStamp(config: ClientAddressConfig): void {
  globalForStamp.__camsClientAddressConfig = config;
  for (const proto of [http.Server.prototype, https.Server.prototype] as unknown as Array<{ emit: Emit; [installed]?: true }>) {
    if (proto[installed]) continue;
    const emit = proto.emit;
    proto.emit = function (this: net.Server, event, ...args) {
      const current = globalForStamp.__camsClientAddressConfig;
      if (event === "request" && current) {
        const req = args[0] as http.IncomingMessage;
        req.headers[CLIENT_ADDRESS_HEADER] = resolveClientAddress(req.socket?.remoteAddress, req.headers[current.header], current);
      }
      return emit.call(this, event, ...args);
    };
    proto[installed] = true;
  }
}

/** The stamped address of a request; "unknown" when the stamp is missing (never a client-sent forwarding header). */
export function clientAddressOf(headers: Headers): string {
  return headers.get(CLIENT_ADDRESS_HEADER) ?? "unknown";
}

/** The current request's client address, or null outside a request (workers, scripts, tests). */
export async function currentClientAddress(): Promise<string | null> {
  try {
    const { headers } = await import("next/headers");
    return clientAddressOf(await headers());
  } catch {
    return null;
  }
}
