import { z } from "zod";
import type { ActionServerError } from "@/lib/action-error";
import { checkEncryptionPublicKey, PEM_MAX_CHARS, type PemIssue } from "@/lib/pem";
import { fullPhoneField } from "@/lib/schemas/phone-numbers";
import { idField } from "./common";

/** Field messages are translation keys (messages/<locale>/encryptionKeys.json). */
export const KEY_ISSUE_MESSAGE: Record<PemIssue, string> = {
  empty: "encryptionKeys.validation.empty",
  tooLong: "encryptionKeys.validation.tooLong",
  privateKey: "encryptionKeys.validation.privateKey",
  certificate: "encryptionKeys.validation.certificate",
  pkcs1PublicKey: "encryptionKeys.validation.pkcs1PublicKey",
  notPublicKey: "encryptionKeys.validation.notPublicKey",
  multipleBlocks: "encryptionKeys.validation.multipleBlocks",
  notPem: "encryptionKeys.validation.notPem",
  malformed: "encryptionKeys.validation.malformed",
  notRsa: "encryptionKeys.validation.notRsa",
  wrongSize: "encryptionKeys.validation.wrongSize",
};

export const KEY_ORIGINS = ["pasted", "file", "generated"] as const;
export type KeyOrigin = (typeof KEY_ORIGINS)[number];

/**
 * The public key field: the shared validator (lib/pem.ts), then the canonical PEM replaces the
 * text. So the browser sends only a re-encoded public key, never what was pasted around it, and
 * the server runs the same check again on whatever arrives.
 */
export const publicKeyField = z
  .string({ error: KEY_ISSUE_MESSAGE.empty })
  // A cheap bound before any parsing; the real limit (with the private-key check first) is in the validator.
  .max(PEM_MAX_CHARS * 4, { error: KEY_ISSUE_MESSAGE.tooLong })
  .transform((text, ctx) => {
    const r = checkEncryptionPublicKey(text);
    if (r.ok) return r.pem;
    ctx.addIssue({ code: "custom", message: KEY_ISSUE_MESSAGE[r.issue] });
    return z.NEVER;
  });

export const updateEncryptionKeySchema = z.object({
  spaceId: idField,
  phoneNumber: fullPhoneField,
  publicKey: publicKeyField,
  origin: z.enum(KEY_ORIGINS).catch("pasted"),
});
export type UpdateEncryptionKeyInput = z.input<typeof updateEncryptionKeySchema>;

// ---- DTOs of the read endpoints ----

export interface KeyDetails {
  pem: string;
  /** "RSA", "EC", … or an OID; null when CAMS returned a PEM we cannot read. */
  keyType: string | null;
  bits: number | null;
  /** SHA-256 of the DER, colon-separated hex. */
  fingerprint: string | null;
}

/**
 * What CAMS says about one number's key. `notVerified`: CAMS refuses key operations before the
 * number is verified; that is a normal state, not an error.
 */
export type KeyState =
  | { state: "key"; status: string | null; key: KeyDetails }
  | { state: "none" }
  | { state: "notVerified" };

export interface LastKeyChange {
  at: string;
  by: string | null;
  requestId: string | null;
  fingerprint: string | null;
  origin: KeyOrigin | null;
  /** Made by a bulk operation rather than on the number's page. */
  bulk: boolean;
}

/** When the inventory last observed the key(s) shown, and whether the last refresh failed. */
export interface DetailsAsOf {
  observedAt: string | null;
  stale: boolean;
  lastError: ActionServerError | null;
}

export interface EncryptionKeyResponse extends Partial<DetailsAsOf> {
  phoneNumber: string;
  result: KeyState;
  requestId: string | null;
  fetchedAt: string;
  lastChange: LastKeyChange | null;
}

export interface KeyNumberRow {
  phoneNumber: string;
  verifiedName: string | null;
  status: string | null;
  codeVerificationStatus: string | null;
  lastChange: LastKeyChange | null;
  /** The stored key; null when the inventory has none for it yet (the browser then asks for that number). */
  result?: KeyState | null;
}

export interface KeyNumbersResponse extends Partial<DetailsAsOf> {
  numbers: KeyNumberRow[];
  fetchedAt: string;
}

/**
 * CodeVerificationStatus values that certainly mean "not verified" (Meta's and the sandbox's
 * spellings). Only these skip the key call; an unknown value is asked about, since CAMS decides.
 */
const UNVERIFIED = new Set(["NOT_VERIFIED", "UNVERIFIED", "EXPIRED"]);
export const isKnownUnverified = (codeVerificationStatus: string | null | undefined) =>
  !!codeVerificationStatus && UNVERIFIED.has(codeVerificationStatus.toUpperCase());

/** The business code CAMS answers key operations with before verification. */
export const NOT_VERIFIED_CODE = "InvalidParameter.PhoneNumberNotVerified";

// ---- the All-spaces key list, paged in SQL ----

/** Rows per page of the key lists. */
export const KEY_PAGE_SIZE = 50;

export const allKeysPageSchema = z.object({
  page: z.coerce.number().int().positive().max(1_000_000).catch(1).default(1),
});
export type AllKeysPageQuery = z.infer<typeof allKeysPageSchema>;

export interface AllKeysPageRow extends KeyNumberRow {
  spaceId: string;
  spaceName: string;
}

/** A space that could not be shown (never read, its read failed) or whose last refresh failed. */
export type PageSpaceProblem = ({ ok: false; error: ActionServerError } | { ok: true; stale: true; lastError: ActionServerError }) & { spaceId: string; spaceName: string };

/** One page of every readable space's numbers with their stored keys, from the inventory. */
export interface AllKeysPageResponse {
  rows: AllKeysPageRow[];
  /** Numbers over every space; a page past the end answers the last page. */
  total: number;
  page: number;
  pages: number;
  /** Readable spaces. */
  spaces: number;
  failed: PageSpaceProblem[];
  /** The oldest observation of the keys shown (details), null when none was observed yet. */
  observedAt: string | null;
  fetchedAt: string;
}
