/**
 * PEM public keys for WhatsApp Flows encryption (API.md §8: a 2048-bit RSA key, SPKI PEM).
 *
 * Pure TypeScript on purpose: the same checks run in the browser (before anything is sent) and in
 * the server action (where node:crypto double-checks), so neither side can drift. The browser has
 * no node:crypto, and WebCrypto is async and missing on plain-http origins, hence the small DER
 * reader below, and SHA-256 from @noble/hashes (synchronous, so validation and rendering need no await).
 */
import { sha256 } from "@noble/hashes/sha2.js";

/** Upper bound on what we read at all; an RSA-2048 SPKI PEM is about 450 characters. */
export const PEM_MAX_CHARS = 8192;
export const REQUIRED_RSA_BITS = 2048;
export const RSA_ENCRYPTION_OID = "1.2.840.113549.1.1.1";

/** Why a text is not an acceptable encryption key; each has its own message in the UI. */
export type PemIssue =
  | "empty"
  | "tooLong"
  | "privateKey"
  | "certificate"
  | "pkcs1PublicKey"
  | "notPublicKey"
  | "multipleBlocks"
  | "notPem"
  | "malformed"
  | "notRsa"
  | "wrongSize";

export interface PublicKeyInfo {
  /** "RSA", "EC", "Ed25519", … or the algorithm OID when unknown. */
  keyType: string;
  /** Modulus length (RSA) or curve size (EC); null when unknown. */
  bits: number | null;
}

export type PemCheck =
  | { ok: true; pem: string; der: Uint8Array; info: PublicKeyInfo; fingerprint: string }
  | { ok: false; issue: PemIssue; info?: PublicKeyInfo };

// ---------------------------------------------------------------- text → blocks

/** Any PEM label that announces a private key (PKCS#8, PKCS#1, SEC1, encrypted, OpenSSH, …). */
const PRIVATE_LABEL = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/i;
const BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** CRLF and CR become LF; a one-line paste with literal "\n" sequences (the vendor's examples) is unfolded. */
export function normalizeLineEndings(text: string): string {
  const lf = text.replace(/\r\n?/g, "\n");
  return lf.includes("\n") ? lf : lf.replace(/\\n/g, "\n");
}

function decodeBase64(body: string): Uint8Array | null {
  const compact = body.replace(/\s+/g, "");
  if (!compact || compact.length % 4 !== 0 || !BASE64.test(compact)) return null;
  const bin = atob(compact);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

function encodeBase64(der: Uint8Array): string {
  let bin = "";
  for (const b of der) bin += String.fromCharCode(b);
  return btoa(bin);
}

/** The canonical PEM of a DER public key: the only form we ever send (never the text as pasted). */
export function toPublicKeyPem(der: Uint8Array): string {
  const lines = encodeBase64(der).match(/.{1,64}/g) ?? [];
  return ["-----BEGIN PUBLIC KEY-----", ...lines, "-----END PUBLIC KEY-----"].join("\n");
}

// ---------------------------------------------------------------- DER

interface Tlv {
  tag: number;
  /** Offset of the value. */
  start: number;
  /** Offset just past the value. */
  end: number;
}

function readTlv(buf: Uint8Array, at: number, limit = buf.length): Tlv | null {
  if (at + 2 > limit) return null;
  const tag = buf[at]!;
  if ((tag & 0x1f) === 0x1f) return null; // multi-byte tags never occur in keys
  let len = buf[at + 1]!;
  let start = at + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 3 || start + n > limit) return null; // indefinite or absurd lengths are not DER
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + buf[start + i]!;
    start += n;
  }
  const end = start + len;
  return end > limit ? null : { tag, start, end };
}

/** The children of a constructed value; null when they do not tile it exactly. */
function children(buf: Uint8Array, parent: Tlv): Tlv[] | null {
  const out: Tlv[] = [];
  let at = parent.start;
  while (at < parent.end) {
    const c = readTlv(buf, at, parent.end);
    if (!c) return null;
    out.push(c);
    at = c.end;
  }
  return out;
}

function oidText(buf: Uint8Array, t: Tlv): string {
  const parts: number[] = [];
  let v = 0;
  for (let i = t.start; i < t.end; i++) {
    v = v * 128 + (buf[i]! & 0x7f);
    if (!(buf[i]! & 0x80)) {
      if (parts.length === 0) parts.push(v < 80 ? Math.floor(v / 40) : 2, v < 80 ? v % 40 : v - 80);
      else parts.push(v);
      v = 0;
    }
  }
  return parts.join(".");
}

/** Bit length of a DER INTEGER (positive; leading zero bytes ignored). */
function integerBits(buf: Uint8Array, t: Tlv): number {
  let i = t.start;
  while (i < t.end && buf[i] === 0) i++;
  if (i === t.end) return 0;
  return (t.end - i - 1) * 8 + (32 - Math.clz32(buf[i]!));
}

/** Small INTEGER value (versions 0/1 of private-key structures), or -1 when it is not small. */
function smallInteger(buf: Uint8Array, t: Tlv): number {
  return t.tag === 0x02 && t.end - t.start === 1 ? buf[t.start]! : -1;
}

const SEQ = 0x30;
const INT = 0x02;
const BIT_STRING = 0x03;
const OCTET_STRING = 0x04;
const OID = 0x06;

const KEY_TYPES: Record<string, string> = {
  [RSA_ENCRYPTION_OID]: "RSA",
  "1.2.840.113549.1.1.10": "RSA-PSS",
  "1.2.840.10045.2.1": "EC",
  "1.2.840.10040.4.1": "DSA",
  "1.3.101.110": "X25519",
  "1.3.101.111": "X448",
  "1.3.101.112": "Ed25519",
  "1.3.101.113": "Ed448",
};
const CURVE_BITS: Record<string, number> = {
  "1.2.840.10045.3.1.7": 256, // P-256
  "1.3.132.0.34": 384, // P-384
  "1.3.132.0.35": 521, // P-521
  "1.3.132.0.10": 256, // secp256k1
};
const FIXED_BITS: Record<string, number> = { X25519: 253, X448: 448, Ed25519: 256, Ed448: 456 };

type DerKind =
  | { kind: "spki"; info: PublicKeyInfo }
  | { kind: "privateKey" }
  | { kind: "certificate" }
  | { kind: "pkcs1PublicKey" }
  | { kind: "unknown" };

/** What a DER blob is, from its structure alone (the PEM label can lie or be missing). */
function classifyDer(der: Uint8Array): DerKind {
  const top = readTlv(der, 0);
  if (!top || top.tag !== SEQ || top.end !== der.length) return { kind: "unknown" };
  const parts = children(der, top);
  if (!parts || parts.length < 2) return { kind: "unknown" };
  const [a, b] = parts as [Tlv, Tlv];
  // PKCS#8 PrivateKeyInfo {0|1, AlgorithmIdentifier, OCTET STRING}; PKCS#1 RSAPrivateKey {0, n, e, d, …};
  // SEC1 ECPrivateKey {1, OCTET STRING, …}.
  if (smallInteger(der, a) === 0 || smallInteger(der, a) === 1) return { kind: "privateKey" };
  // EncryptedPrivateKeyInfo {AlgorithmIdentifier, OCTET STRING}.
  if (parts.length === 2 && a.tag === SEQ && b.tag === OCTET_STRING) return { kind: "privateKey" };
  if (parts.length === 2 && a.tag === INT && b.tag === INT) return { kind: "pkcs1PublicKey" };
  if (parts.length === 3 && a.tag === SEQ && b.tag === SEQ && parts[2]!.tag === BIT_STRING) return { kind: "certificate" };
  if (parts.length !== 2 || a.tag !== SEQ || b.tag !== BIT_STRING) return { kind: "unknown" };
  const alg = children(der, a);
  if (!alg || alg.length < 1 || alg[0]!.tag !== OID) return { kind: "unknown" };
  const oid = oidText(der, alg[0]!);
  const keyType = KEY_TYPES[oid] ?? oid;
  // BIT STRING: one "unused bits" byte (always 0 for keys), then the key.
  if (b.end - b.start < 2 || der[b.start] !== 0) return { kind: "unknown" };
  if (keyType === "RSA" || keyType === "RSA-PSS") {
    const inner = readTlv(der, b.start + 1, b.end);
    const nums = inner && inner.tag === SEQ && inner.end === b.end ? children(der, inner) : null;
    if (!nums || nums.length !== 2 || nums[0]!.tag !== INT || nums[1]!.tag !== INT) return { kind: "unknown" };
    // A negative modulus or an even exponent cannot be a real RSA key.
    if (der[nums[0]!.start]! & 0x80 || !(der[nums[1]!.end - 1]! & 1)) return { kind: "unknown" };
    return { kind: "spki", info: { keyType, bits: integerBits(der, nums[0]!) } };
  }
  if (keyType === "EC") {
    const curve = alg[1]?.tag === OID ? CURVE_BITS[oidText(der, alg[1])] : undefined;
    return { kind: "spki", info: { keyType, bits: curve ?? null } };
  }
  return { kind: "spki", info: { keyType, bits: FIXED_BITS[keyType] ?? null } };
}

// ---------------------------------------------------------------- fingerprint

/** SHA-256 of the DER, as colon-separated lower-case hex (what `openssl dgst -sha256 -c` prints). */
export function fingerprintOf(der: Uint8Array): string {
  return Array.from(sha256(der), (b) => b.toString(16).padStart(2, "0")).join(":");
}

// ---------------------------------------------------------------- checks

/** True when the text holds a private key in any PEM form, or bare base64 of one. Checked before anything else. */
export function containsPrivateKey(text: string): boolean {
  if (PRIVATE_LABEL.test(text)) return true;
  const norm = normalizeLineEndings(text);
  const bodies = [...norm.matchAll(BLOCK)].map((m) => m[2]!);
  if (bodies.length === 0) bodies.push(norm);
  return bodies.some((b) => {
    const der = decodeBase64(b);
    return !!der && classifyDer(der).kind === "privateKey";
  });
}

/** Type, size and fingerprint of any SPKI public key PEM (for showing what CAMS holds); null when unreadable. */
export function describePublicKey(text: string): { info: PublicKeyInfo; fingerprint: string } | null {
  const blocks = [...normalizeLineEndings(text).matchAll(BLOCK)];
  if (blocks.length !== 1 || blocks[0]![1] !== "PUBLIC KEY") return null;
  const der = decodeBase64(blocks[0]![2]!);
  const kind = der ? classifyDer(der) : null;
  return der && kind?.kind === "spki" ? { info: kind.info, fingerprint: fingerprintOf(der) } : null;
}

const LABEL_ISSUES: Record<string, PemIssue> = {
  CERTIFICATE: "certificate",
  "TRUSTED CERTIFICATE": "certificate",
  "X509 CERTIFICATE": "certificate",
  "RSA PUBLIC KEY": "pkcs1PublicKey",
};

/**
 * The one validator for an encryption key, in the browser and on the server: one PEM
 * `PUBLIC KEY` block (SPKI), RSA (rsaEncryption), 2048-bit modulus. On success `pem` is the
 * canonical re-encoding of the DER, which is what gets sent; surrounding text is dropped.
 */
export function checkEncryptionPublicKey(text: string): PemCheck {
  if (!text.trim()) return { ok: false, issue: "empty" };
  // First, so a private key is named as such whatever else is wrong with the text.
  if (containsPrivateKey(text)) return { ok: false, issue: "privateKey" };
  if (text.length > PEM_MAX_CHARS) return { ok: false, issue: "tooLong" };
  const blocks = [...normalizeLineEndings(text).matchAll(BLOCK)];
  if (blocks.length === 0) return { ok: false, issue: "notPem" };
  if (blocks.length > 1) return { ok: false, issue: "multipleBlocks" };
  const [, label, body] = blocks[0]! as unknown as [string, string, string];
  const der = decodeBase64(body);
  if (!der) return { ok: false, issue: LABEL_ISSUES[label] ?? "malformed" };
  const kind = classifyDer(der);
  if (kind.kind === "privateKey") return { ok: false, issue: "privateKey" };
  if (kind.kind === "certificate" || LABEL_ISSUES[label] === "certificate") return { ok: false, issue: "certificate" };
  if (kind.kind === "pkcs1PublicKey") return { ok: false, issue: "pkcs1PublicKey" };
  if (label !== "PUBLIC KEY") return { ok: false, issue: "notPublicKey" };
  if (kind.kind !== "spki") return { ok: false, issue: "malformed" };
  if (kind.info.keyType !== "RSA") return { ok: false, issue: "notRsa", info: kind.info };
  if (kind.info.bits !== REQUIRED_RSA_BITS) return { ok: false, issue: "wrongSize", info: kind.info };
  return { ok: true, pem: toPublicKeyPem(der), der, info: kind.info, fingerprint: fingerprintOf(der) };
}
