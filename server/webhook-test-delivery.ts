import "server-only";
import { randomBytes } from "node:crypto";
import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { matchAllowedNetworks, type AllowedNetwork } from "@/lib/allowed-networks";
import type { BlockRule, TestDeliveryOutcome, TestEventKind } from "@/lib/schemas/webhooks";
import { classifyAddress, isLocalName, literalAddress, parseCallbackUrl, type AddressRange } from "@/lib/url-safety";

/**
 * "Send a test event": the server posts a sample callback to a URL the user typed, so it is an
 * SSRF surface and guarded accordingly:
 * - http/https only, the URL rules of lib/url-safety.ts;
 * - every address the name resolves to is checked, and the connection is pinned to the checked
 *   address (a lookup override), so a second DNS answer (rebinding) cannot swap it for another;
 * - a private or reserved address is reached only when it lies in a network an admin allowed
 *   (Settings → Network, lib/allowed-networks.ts) and, if that entry lists ports, on one of them;
 * - loopback, link-local, unspecified (0.0.0.0 reaches this machine too) and cloud metadata
 *   addresses (169.254.169.254, fd00:ec2::254, Alibaba's 100.100.100.200) are refused always,
 *   whatever the list says: they are this machine, or hand out its cloud credentials;
 * - 5 s for everything (DNS included), no redirects followed, only the first 2 KB of the answer read;
 *   from a private address nothing of the answer but its status (and the time taken) is reported,
 *   so the test event cannot be used to read internal services.
 */

export const TEST_TIMEOUT_MS = 5_000;
export const PREVIEW_BYTES = 2_048;

export interface ResolvedAddress {
  address: string;
  family: number;
}
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

const systemResolver: Resolver = (hostname) => dns.promises.lookup(hostname, { all: true, verbatim: true });

export type DestinationCheck =
  /** `private`: the address used is not public (its answer's body is not shown). */
  | { ok: true; address: string; family: 4 | 6; private: boolean }
  | { ok: false; reason: "blocked"; address: string; range: AddressRange; rule: BlockRule; port: number }
  | { ok: false; reason: "dns" };

/** Ranges no allowed network opens: this machine, its link, and the cloud metadata services. */
const NEVER_ALLOWED = new Set<AddressRange>(["loopback", "linkLocal", "metadata", "unspecified"]);

const portOf = (url: URL) => Number(url.port || (url.protocol === "https:" ? 443 : 80));

/** Resolves the URL's host and checks every address; the first one is what the request will use. */
export async function checkDestination(url: URL, opts: { allowedNetworks: AllowedNetwork[]; resolve?: Resolver }): Promise<DestinationCheck> {
  const literal = literalAddress(url);
  let addresses: ResolvedAddress[];
  if (literal) {
    addresses = [{ address: literal, family: literal.includes(":") ? 6 : 4 }];
  } else {
    try {
      addresses = await (opts.resolve ?? systemResolver)(url.hostname.replace(/\.$/, ""));
    } catch {
      return { ok: false, reason: "dns" };
    }
    if (addresses.length === 0) return { ok: false, reason: "dns" };
  }
  const port = portOf(url);
  // "localhost" is this machine whatever a resolver claims (RFC 6761).
  if (isLocalName(url.hostname)) return { ok: false, reason: "blocked", address: addresses[0]!.address, range: "loopback", rule: "never", port };
  for (const a of addresses) {
    const range = classifyAddress(a.address);
    if (!range) continue;
    if (NEVER_ALLOWED.has(range)) return { ok: false, reason: "blocked", address: a.address, range, rule: "never", port };
    const match = matchAllowedNetworks(opts.allowedNetworks, a.address, port);
    if (match !== "allowed") return { ok: false, reason: "blocked", address: a.address, range, rule: match, port };
  }
  const first = addresses[0]!;
  return { ok: true, address: first.address, family: first.family === 6 ? 6 : 4, private: classifyAddress(first.address) !== null };
}

/** A lookup that always answers with the address already checked. */
function pinnedLookup(address: string, family: 4 | 6): LookupFunction {
  return (_hostname, options, callback) => {
    // Node 20 asks for all addresses when autoSelectFamily is on; answer in the shape it asked for.
    if (typeof options === "object" && options?.all) {
      (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [{ address, family }]);
    } else {
      callback(null, address, family);
    }
  };
}

// ---- samples ----

const SAMPLE_CUSTOMER = "8613800001234";
const testId = () => `cams-admin-test-${randomBytes(6).toString("hex")}`;

/**
 * Sample bodies shaped like CAMS's HTTP callbacks: a JSON array of reports. Field names and values
 * follow Alibaba Cloud's "ChatAppStatus" (delivery status report) and "ChatAppInbound" (inbound
 * message) HTTP callback pages (alibabacloud.com/help/en/chatapp/developer-reference/chatappstatus-1
 * and …/chatappinbound). Ids start with "cams-admin-test-" so a receiver can ignore them.
 */
export function sampleEvent(kind: TestEventKind, phoneNumber: string | undefined, now = Date.now()): unknown[] {
  const business = phoneNumber ?? "8613800000000";
  const id = testId();
  if (kind === "status") {
    return [
      {
        MessageId: id,
        TaskId: id,
        From: business,
        To: SAMPLE_CUSTOMER,
        Timestamp: now,
        Status: "Delivered",
        StatusDescription: "Test status report from CAMS Admin",
        MsgFrameType: "message",
        Type: "TEXT",
        ConversationType: "service",
        OriginPhoneNumber: business,
      },
    ];
  }
  return [
    {
      MessageId: id,
      From: SAMPLE_CUSTOMER,
      To: business,
      DisplayName: "CAMS Admin test",
      Type: "TEXT",
      Message: "This is a test message sent by CAMS Admin.",
      Timestamp: now,
      Name: "CAMS Admin",
    },
  ];
}

// ---- delivery ----

export interface DeliveryOptions {
  url: string;
  kind: TestEventKind;
  phoneNumber?: string;
  /** The admin's allowed private networks (server/data/webhooks.ts `allowedPrivateNetworks`). */
  allowedNetworks: AllowedNetwork[];
  resolve?: Resolver;
  timeoutMs?: number;
}

function errorCode(err: unknown): string {
  const code = (err as { code?: unknown })?.code;
  return typeof code === "string" ? code : "ERROR";
}

const TLS_CODE = /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY|HOSTNAME|ERR_TLS/;

/** Posts one sample callback and reports what came back; never throws for the receiver's faults. */
export async function deliverTestEvent(o: DeliveryOptions): Promise<TestDeliveryOutcome> {
  const body = JSON.stringify(sampleEvent(o.kind, o.phoneNumber));
  return postGuarded({ ...o, body, headers: { "user-agent": "CAMS-Admin-Webhook-Test/1.0", "x-cams-admin-test": "1" } });
}

export interface GuardedPost {
  url: string;
  body: string;
  /** Extra headers (content type and length are set here). */
  headers: Record<string, string>;
  allowedNetworks: AllowedNetwork[];
  resolve?: Resolver;
  timeoutMs?: number;
}

/**
 * POSTs `body` to a URL someone typed, behind the guard above (the test delivery and the alert
 * webhooks share it); never throws for the receiver's faults.
 */
export async function postGuarded(o: GuardedPost): Promise<TestDeliveryOutcome> {
  const sent = o.body;
  const url = parseCallbackUrl(o.url.trim());
  if (!url) return { kind: "refused", reason: "url", sent };
  const timeoutMs = o.timeoutMs ?? TEST_TIMEOUT_MS;
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), timeoutMs);
  try {
    const check = await Promise.race([
      checkDestination(url, { allowedNetworks: o.allowedNetworks, resolve: o.resolve }),
      new Promise<"timeout">((resolve) => deadline.signal.addEventListener("abort", () => resolve("timeout"))),
    ]);
    if (check === "timeout") return { kind: "failed", reason: "timeout", detail: "DNS", durationMs: elapsed(), address: "", sent };
    if (!check.ok) {
      return check.reason === "blocked"
        ? { kind: "refused", reason: "blocked", range: check.range, address: check.address, rule: check.rule, port: check.port, sent }
        : { kind: "refused", reason: "dns", sent };
    }
    return await post(url, sent, o.headers, check, deadline.signal, elapsed);
  } finally {
    clearTimeout(timer);
  }
}

type Reached = Extract<DestinationCheck, { ok: true }>;

/**
 * The POST alone, to an address checkDestination accepted. Exported for the tests: no public
 * address can be reached from them, so the preview of a public answer is tested through this.
 */
export async function postChecked(url: URL, body: string, headers: Record<string, string>, to: Reached, timeoutMs = TEST_TIMEOUT_MS): Promise<TestDeliveryOutcome> {
  const started = performance.now();
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), timeoutMs);
  try {
    return await post(url, body, headers, to, deadline.signal, () => Math.round(performance.now() - started));
  } finally {
    clearTimeout(timer);
  }
}

function post(url: URL, body: string, extraHeaders: Record<string, string>, to: Reached, signal: AbortSignal, elapsed: () => number): Promise<TestDeliveryOutcome> {
  const { address, family } = to;
  const isHttps = url.protocol === "https:";
  const hostname = url.hostname.replace(/^\[(.*)\]$/, "$1");
  return new Promise((resolve) => {
    const fail = (reason: "timeout" | "network" | "tls", detail: string) =>
      resolve({ kind: "failed", reason, detail, durationMs: elapsed(), address, sent: body });
    if (signal.aborted) return fail("timeout", "connect");
    const req = (isHttps ? https : http).request(
      {
        protocol: url.protocol,
        hostname,
        port: url.port || (isHttps ? 443 : 80),
        path: `${url.pathname}${url.search}`,
        method: "POST",
        // A fresh connection each time: a pooled socket could have been opened to another address.
        agent: false,
        lookup: pinnedLookup(address, family),
        ...(isHttps && !literalAddress(url) ? { servername: hostname } : {}),
        headers: {
          "content-type": "application/json; charset=utf-8",
          "content-length": Buffer.byteLength(body),
          ...extraHeaders,
        },
      },
      (res) => {
        if (to.private) {
          // Status and timing only: the body is never read, so it cannot leak into the result.
          resolve({ kind: "answered", status: res.statusCode ?? 0, statusText: "", durationMs: elapsed(), address, contentType: null, location: null, bodyPreview: "", truncated: false, bodyHidden: true, sent: body });
          res.destroy();
          return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        let truncated = false;
        const finish = () =>
          resolve({
            kind: "answered",
            status: res.statusCode ?? 0,
            statusText: res.statusMessage ?? "",
            durationMs: elapsed(),
            address,
            contentType: res.headers["content-type"] ?? null,
            location: res.headers.location ?? null,
            bodyPreview: new TextDecoder("utf-8", { fatal: false }).decode(Buffer.concat(chunks).subarray(0, PREVIEW_BYTES)),
            truncated,
            bodyHidden: false,
            sent: body,
          });
        res.on("data", (chunk: Buffer) => {
          chunks.push(chunk);
          size += chunk.length;
          if (size > PREVIEW_BYTES) {
            truncated = true;
            // Enough read: a huge or endless answer must not tie up the server.
            res.destroy();
            finish();
          }
        });
        res.on("end", finish);
        res.on("error", finish);
        res.on("close", finish);
      },
    );
    const onAbort = () => req.destroy(Object.assign(new Error("timeout"), { code: "ETIMEDOUT_TEST" }));
    signal.addEventListener("abort", onAbort, { once: true });
    req.on("error", (err) => {
      const code = errorCode(err);
      if (code === "ETIMEDOUT_TEST" || signal.aborted) fail("timeout", "response");
      else fail(TLS_CODE.test(code) ? "tls" : "network", code);
    });
    req.on("close", () => signal.removeEventListener("abort", onAbort));
    req.end(body);
  });
}
