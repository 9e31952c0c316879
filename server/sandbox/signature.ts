import "server-only";
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";

/**
 * Independent verifier for Alibaba Cloud POP signatures (shared/cams/API.md §3–§4): V3
 * ACS3-HMAC-SHA256 in the Authorization header, and legacy V1 HMAC-SHA1 (query `Signature`).
 * Node crypto only; shares no code with the SDK.
 */

export type Pair = [key: string, value: string];

export interface SignedRequest {
  method: string;
  /** Raw request target, e.g. "/?A=1&B=two%20words". */
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** Decoded query pairs, in wire order. */
  query: Pair[];
  /** Decoded form-body pairs, in wire order. */
  form: Pair[];
}

export type VerifyResult =
  | { ok: true; scheme: "v3" | "v1"; accessKeyId: string; timestamp: string; nonce: string }
  | { ok: false; status: number; code: string; message: string };

export const EMPTY_SHA256 = createHash("sha256").update("").digest("hex");

/** encodeURIComponent plus ! ' ( ) * (RFC 3986 unreserved only). */
export function rfc3986(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase());
}

function percentDecode(s: string, plusIsSpace: boolean): string {
  const t = plusIsSpace ? s.replace(/\+/g, " ") : s;
  try {
    return decodeURIComponent(t);
  } catch {
    return t;
  }
}

/** Split "a=1&b=2" into decoded pairs. Form bodies treat "+" as a space; queries do not. */
export function parsePairs(raw: string, plusIsSpace = false): Pair[] {
  const out: Pair[] = [];
  for (const part of raw.split("&")) {
    if (!part) continue;
    const eq = part.indexOf("=");
    const k = eq < 0 ? part : part.slice(0, eq);
    const v = eq < 0 ? "" : part.slice(eq + 1);
    out.push([percentDecode(k, plusIsSpace), percentDecode(v, plusIsSpace)]);
  }
  return out;
}

const byKey = (a: Pair, b: Pair) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v.join(",") : v;
}

const fail = (status: number, code: string, message: string): VerifyResult => ({ ok: false, status, code, message });
const mismatch = (sts: string) =>
  fail(400, "SignatureDoesNotMatch", `Specified signature is not matched with our calculation. server string to sign is:${sts}`);
const incomplete = (why: string) =>
  fail(400, "IncompleteSignature", `The request signature does not conform to Aliyun standards. ${why}`);
const unknownKey = () => fail(404, "InvalidAccessKeyId.NotFound", "Specified access key is not found.");

const AUTH_RE = /^(ACS3-[A-Z0-9-]+) Credential=([^,]+),SignedHeaders=([^,]+),Signature=([0-9a-f]+)$/;

export function verifyV3(req: SignedRequest, secretFor: (ak: string) => string | undefined): VerifyResult {
  const auth = header(req.headers, "authorization") ?? "";
  const m = AUTH_RE.exec(auth.trim());
  if (!m) return incomplete("Malformed Authorization header.");
  const [, alg, accessKeyId, signedHeaderList, signature] = m;
  if (alg !== "ACS3-HMAC-SHA256") return incomplete(`Unsupported signature algorithm ${alg}.`);
  const secret = secretFor(accessKeyId);
  if (secret === undefined) return unknownKey();

  const signed = signedHeaderList.split(";");
  const present = Object.keys(req.headers).filter((h) => h.startsWith("x-acs-") || h === "host");
  const unsigned = present.filter((h) => !signed.includes(h));
  if (unsigned.length) return incomplete(`Header(s) not signed: ${unsigned.join(", ")}.`);
  const date = header(req.headers, "x-acs-date");
  const nonce = header(req.headers, "x-acs-signature-nonce");
  const claimedHash = header(req.headers, "x-acs-content-sha256");
  if (!date || !nonce || !claimedHash) {
    return incomplete("x-acs-date, x-acs-signature-nonce and x-acs-content-sha256 are required.");
  }

  const bodyHash = createHash("sha256").update(req.body).digest("hex");
  if (bodyHash !== claimedHash) return mismatch(`(content SHA-256 ${bodyHash} does not match x-acs-content-sha256)`);

  const q = req.url.indexOf("?");
  const path = q < 0 ? req.url : req.url.slice(0, q);
  const canonQuery = [...req.query]
    .sort(byKey)
    .map(([k, v]) => `${rfc3986(k)}=${rfc3986(v)}`)
    .join("&");
  const canonHeaders = signed.map((h) => `${h}:${(header(req.headers, h) ?? "").trim()}\n`).join("");
  const canonical = [req.method, path, canonQuery, canonHeaders, signedHeaderList, bodyHash].join("\n");
  const sts = `ACS3-HMAC-SHA256\n${createHash("sha256").update(canonical).digest("hex")}`;
  const expected = createHmac("sha256", secret).update(sts).digest("hex");
  if (!safeEqual(expected, signature)) return mismatch(sts);
  return { ok: true, scheme: "v3", accessKeyId, timestamp: date, nonce };
}

const V1_REQUIRED = ["AccessKeyId", "SignatureMethod", "SignatureVersion", "SignatureNonce", "Timestamp"] as const;

export function verifyV1(req: SignedRequest, secretFor: (ak: string) => string | undefined): VerifyResult {
  const all = [...req.query, ...req.form];
  const get = (k: string) => all.find(([key]) => key === k)?.[1];
  const signature = get("Signature");
  if (!signature) return incomplete("Missing Signature.");
  for (const k of V1_REQUIRED) {
    if (!get(k)) return fail(400, `Missing${k}`, `${k} is mandatory for this action.`);
  }
  if (get("SignatureMethod") !== "HMAC-SHA1") return incomplete("SignatureMethod must be HMAC-SHA1.");
  if (get("SignatureVersion") !== "1.0") return incomplete("SignatureVersion must be 1.0.");
  const accessKeyId = get("AccessKeyId")!;
  const secret = secretFor(accessKeyId);
  if (secret === undefined) return unknownKey();

  const canon = all
    .filter(([k]) => k !== "Signature")
    .sort(byKey)
    .map(([k, v]) => `${rfc3986(k)}=${rfc3986(v)}`)
    .join("&");
  const sts = `${req.method}&${rfc3986("/")}&${rfc3986(canon)}`;
  const expected = createHmac("sha1", `${secret}&`).update(sts).digest("base64");
  if (!safeEqual(expected, signature)) return mismatch(sts);
  return { ok: true, scheme: "v1", accessKeyId, timestamp: get("Timestamp")!, nonce: get("SignatureNonce")! };
}

/** V3 when an Authorization header is present, V1 when the query carries a Signature. */
export function verifySignature(req: SignedRequest, secretFor: (ak: string) => string | undefined): VerifyResult {
  if (req.headers.authorization) return verifyV3(req, secretFor);
  if (req.query.some(([k]) => k === "Signature")) return verifyV1(req, secretFor);
  return incomplete("No Authorization header and no Signature parameter.");
}

const TS_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;
export const MAX_SKEW_MS = 15 * 60 * 1000;

/** Gateway timestamp check: UTC ISO-8601, at most 15 minutes off the server clock. */
export function checkTimestamp(ts: string, now: number): VerifyResult | null {
  const t = TS_RE.test(ts) ? Date.parse(ts) : NaN;
  if (Number.isNaN(t)) return fail(400, "InvalidTimeStamp.Format", `Specified time stamp or date value is not well formatted: ${ts}`);
  if (Math.abs(now - t) > MAX_SKEW_MS) {
    return fail(400, "InvalidTimeStamp.Expired", `Specified time stamp or date value is expired: ${ts}`);
  }
  return null;
}

/** Remembers (AccessKeyId, nonce) pairs for the timestamp window, so a replay is refused. */
export class NonceCache {
  private seen = new Map<string, number>();
  private lastSweep = 0;

  /** True when the nonce is fresh (and records it); false when it was already used. */
  use(accessKeyId: string, nonce: string, now: number): boolean {
    if (now - this.lastSweep > 60_000) {
      for (const [k, exp] of this.seen) if (exp <= now) this.seen.delete(k);
      this.lastSweep = now;
    }
    const key = `${accessKeyId}\u0000${nonce}`;
    const exp = this.seen.get(key);
    if (exp !== undefined && exp > now) return false;
    this.seen.set(key, now + MAX_SKEW_MS);
    return true;
  }
}
