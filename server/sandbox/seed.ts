import "server-only";
import { createHash, createPublicKey } from "node:crypto";
import { seedDemoMessages } from "./operations-automation";
import { newPhoneRecord, queueNames, type PhoneRecord, type SandboxState, type Space } from "./state";

/**
 * Deterministic demo data. Enum spellings are mixed on purpose (API.md §10): the dashboard must
 * show whatever comes. No private key exists anywhere: seeded public keys are RSA-2048 SPKI PEMs
 * whose modulus is hash output, so they parse like real keys and are the same on every start.
 */

const hash = (s: string) => createHash("sha256").update(s).digest();

const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
/** An 8-character uppercase alphanumeric code derived from `seed`. */
export function codeFrom(seed: string): string {
  return Array.from(hash(seed).subarray(0, 8), (b) => ALNUM[b % ALNUM.length]).join("");
}

/** A parseable RSA-2048 SPKI public key whose modulus is derived from `seed`. */
export function fakeRsaPublicKey(seed: string): string {
  const n = Buffer.concat(Array.from({ length: 8 }, (_, i) => hash(`${seed}/${i}`)));
  n[0] |= 0x80;
  n[255] |= 1;
  const key = createPublicKey({ key: { kty: "RSA", n: n.toString("base64url"), e: "AQAB" }, format: "jwk" });
  return String(key.export({ type: "spki", format: "pem" })).trim();
}

interface SpaceSeed {
  id: string;
  name: string;
  vertical: string;
  brand: string;
  /** [country code, national number prefix, national digits] per number, cycled. */
  plans: [string, string, number][];
  count: number;
}

const SPACES: SpaceSeed[] = [
  { id: "cams-demo-retail", name: "Retail Demo", vertical: "RETAIL", brand: "Acme Retail", count: 12,
    plans: [["86", "13800", 11], ["65", "8123", 8]] },
  { id: "cams-demo-travel", name: "Travel Demo", vertical: "TRAVEL", brand: "Skyward Travel", count: 10,
    plans: [["44", "77009", 10], ["1", "20255501", 10]] },
  { id: "293483938849493", name: "ISV Customer 293483938849493", vertical: "RESTAURANT", brand: "Nusantara Foods",
    count: 8, plans: [["62", "81234", 10], ["91", "98765", 10]] },
];

const SUFFIXES = ["", " Support", " Sales", " Care", " Orders", " Alerts", " Help", " VIP", " Promotions",
  " Bookings", " Service", " Desk"];
const VERIFIED_STATUSES = ["CONNECTED", "CONNECTED", "FLAGGED", "CONNECTED", "RATE_LIMITED", "CONNECTED",
  "RESTRICTED", "DISCONNECTED", "CONNECTED", "PENDING", "CONNECTED", "BANNED", "CONNECTED", "OFFLINE"];
const QUALITY = ["GREEN", "GREEN", "YELLOW", "GREEN", "RED", "UNKNOWN", "GREEN"];
const TIERS = ["TIER_1K", "TIER_10K", "TIER_250", "TIER_10", "TIER_50", "TIER_UNLIMITED", "TIER_100K",
  "TIER_1000", "UNLIMITED", "TIER_1K"];
const NAME_STATUS = ["APPROVED", "Approval", "APPROVED", "PENDING_REVIEW", "Pending_Review", "DECLINED",
  "Rejected", "AVAILABLE_WITHOUT_REVIEW"];
const NEW_NAME_STATUS = ["NONE", "", "PENDING_REVIEW", "NONE", "APPROVED", "Pending_Review", "DECLINED"];
const QR_MESSAGES = ["Hello! I'd like to know more.", "你好，我想咨询订单", "Book a trip ✈️", "Track my order 📦",
  "Hi (from the poster) - 50% off!", "Support please"];

const pick = <T>(list: readonly T[], i: number): T => list[i % list.length];

function nationalNumber(prefix: string, digits: number, n: number): string {
  return prefix + String(n).padStart(digits - prefix.length, "0");
}

function seedNumber(state: SandboxState, space: Space, s: SpaceSeed, i: number, g: number): PhoneRecord {
  const [cc, prefix, digits] = pick(s.plans, i);
  const phone = cc + nationalNumber(prefix, digits, 11 + i * 7);
  const rec = newPhoneRecord(phone, s.brand + pick(SUFFIXES, i), state.newPhoneId());
  rec.nameStatus = pick(NAME_STATUS, g);
  rec.newNameStatus = pick(NEW_NAME_STATUS, g + 3);
  rec.profile = {
    About: `${rec.verifiedName}: we reply within minutes.`,
    Address: pick(["1 Harbour Road", "88 Market Street", "12 Jalan Sudirman"], g),
    Description: `Official WhatsApp account of ${rec.verifiedName}.`,
    Email: `hello+${i}@${s.brand.toLowerCase().replace(/[^a-z]/g, "")}.example`,
    ProfilePictureUrl: g % 3 === 0 ? "" : `https://static.example/${codeFrom(phone).toLowerCase()}.png`,
    Vertical: s.vertical,
    Websites: g % 2 ? [`https://${s.brand.toLowerCase().replace(/[^a-z]/g, "")}.example`] : [],
  };
  if (g % 8 === 7 || g === 4) return rec; // a few stay UNVERIFIED / NOT_VERIFIED
  rec.codeVerificationStatus = "VERIFIED";
  rec.status = pick(VERIFIED_STATUSES, g);
  rec.qualityRating = pick(QUALITY, g);
  rec.messagingLimitTier = pick(TIERS, g);
  if (g % 3 === 0) rec.key = { pem: fakeRsaPublicKey(`valid/${phone}`), status: "VALID" };
  else if (g % 5 === 1) rec.key = { pem: fakeRsaPublicKey(`old/${phone}`), status: "MISMATCH" };
  if (g % 3 === 1) {
    rec.statusCallbackUrl = `https://hooks.example.com/cams/${space.id}/status`;
    rec.upCallbackUrl = g % 2 ? `https://hooks.example.com/cams/${space.id}/inbound` : "";
  }
  if (g % 6 === 2) {
    const q = queueNames(space.id);
    rec.statusQueue = q.status;
    rec.upQueue = q.up;
  }
  if (g % 4 === 0) {
    for (let k = 0; k <= g % 3; k++) {
      const code = codeFrom(`qr/${phone}/${k}`);
      rec.qr.set(code, { code, generateQrImage: k % 2 ? "SVG" : "PNG", prefilledMessage: pick(QR_MESSAGES, g + k) });
    }
  }
  return rec;
}

/** The demo seed: three spaces, 30 numbers, owned by `owner`. */
export function applyDemoSeed(state: SandboxState, owner: string): void {
  let g = 0;
  for (const s of SPACES) {
    const space = state.addSpace(s.id, s.name, owner);
    for (let i = 0; i < s.count; i++) {
      const rec = seedNumber(state, space, s, i, g);
      seedDemoMessages(rec, g++);
      state.addNumber(space, rec);
    }
    space.accountWebhook = g % 2
      ? { statusCallbackUrl: `https://hooks.example.com/cams/${s.id}/account`, httpFlag: "Y", queueFlag: "N" }
      : undefined;
  }
}

/** Adds `n` verified, connected numbers (+1 555 range) to `space`; fast enough for n = 1000s. */
export function seedBulkNumbers(state: SandboxState, space: Space, n: number): number {
  let cursor = hash(space.id).readUInt32BE(0) % 9_000_000;
  let added = 0;
  while (added < n) {
    const phone = "1555" + String(cursor++ % 10_000_000).padStart(7, "0");
    if (state.findNumber(phone)) continue;
    const rec = newPhoneRecord(phone, `${space.name} ${added + 1}`.slice(0, 255), state.newPhoneId());
    rec.codeVerificationStatus = "VERIFIED";
    rec.status = "CONNECTED";
    rec.qualityRating = pick(QUALITY, added);
    rec.messagingLimitTier = pick(TIERS, added);
    rec.nameStatus = pick(NAME_STATUS, added);
    state.addNumber(space, rec);
    added++;
  }
  return added;
}
