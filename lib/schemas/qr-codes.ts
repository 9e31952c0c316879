import type { DetailsAsOf, PageSpaceProblem } from "./encryption-keys";
import { z } from "zod";
import { charCount } from "@/lib/text-length";
import { idField } from "./common";
import { fullPhoneField } from "./phone-numbers";

/**
 * Message QR codes (Create/List/Update/DeletePhoneMessageQrdl). Messages are translation keys
 * (messages/<locale>/qrCodes.json, under qrCodes.validation) so the form and the action speak the
 * same language.
 */
export const QV = {
  required: "qrCodes.validation.required",
  tooLong: "qrCodes.validation.tooLong",
  controlChars: "qrCodes.validation.controlChars",
  imageType: "qrCodes.validation.imageType",
  code: "qrCodes.validation.code",
} as const;

/** Meta's limits for message QR codes (API.md §8): 140 characters, 2,000 codes per number. */
export const PREFILLED_MAX = 140;
export const MAX_QR_PER_NUMBER = 2000;
export const QR_IMAGE_TYPES = ["PNG", "SVG"] as const;
export type QrImageType = (typeof QR_IMAGE_TYPES)[number];
/** Sizes offered for the PNG download (the SVG scales by itself). */
export const PNG_SIZES = [256, 512, 1024] as const;

// Line breaks are fine in a prefilled message; other control characters would only corrupt the link.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/;

/** Trimmed, required, at most 140 characters counted as code points (lib/text-length.ts). */
export const prefilledMessageField = z
  .string({ error: QV.required })
  .trim()
  .min(1, { error: QV.required })
  .refine((s) => charCount(s) <= PREFILLED_MAX, { error: QV.tooLong })
  .refine((s) => !CONTROL.test(s), { error: QV.controlChars });

export const imageTypeField = z.enum(QR_IMAGE_TYPES, { error: QV.imageType });

/** CAMS codes look like "IUIED999"; anything outside this shape cannot be one. */
export const qrdlCodeField = z
  .string({ error: QV.code })
  .min(1, { error: QV.code })
  .max(128, { error: QV.code })
  .regex(/^[A-Za-z0-9_-]+$/, { error: QV.code });

export const createQrCodeSchema = z.object({
  spaceId: idField,
  phoneNumber: fullPhoneField,
  prefilledMessage: prefilledMessageField,
  generateQrImage: imageTypeField,
});
export type CreateQrCodeInput = z.infer<typeof createQrCodeSchema>;

export const updateQrCodeSchema = createQrCodeSchema.extend({ qrdlCode: qrdlCodeField });
export type UpdateQrCodeInput = z.infer<typeof updateQrCodeSchema>;

export const deleteQrCodeSchema = z.object({ spaceId: idField, phoneNumber: fullPhoneField, qrdlCode: qrdlCodeField });
export type DeleteQrCodeInput = z.infer<typeof deleteQrCodeSchema>;

// ---- DTOs the read endpoint returns ----

export interface QrCodeDto {
  phoneNumber: string;
  qrdlCode: string;
  /** PNG or SVG as CAMS sent it; an unknown value is shown raw. */
  generateQrImage: string | null;
  prefilledMessage: string | null;
  /** The link the QR encodes; only http(s) links are passed on. */
  deepLinkUrl: string | null;
  /** The image CAMS generated; only http(s) links are passed on. */
  qrImageUrl: string | null;
}

export interface NumberQrCodesResponse extends Partial<DetailsAsOf> {
  codes: QrCodeDto[];
  /** CAMS refused because the number is not verified yet: such a number has no codes. */
  notVerified: boolean;
  fetchedAt: string;
}

/** Numbers whose verification status says they cannot have codes yet (null = unknown: ask CAMS). */
export function mayHaveQrCodes(codeVerificationStatus: string | null | undefined): boolean {
  return !codeVerificationStatus || codeVerificationStatus.toUpperCase() === "VERIFIED";
}

/** Only http(s) URLs reach an href or an img src: CAMS data is not trusted to be a safe URL. */
export function safeHttpUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const { protocol } = new URL(value);
    // Returned as sent, not normalised: the QR must encode exactly the link CAMS gave.
    return protocol === "https:" || protocol === "http:" ? value : null;
  } catch {
    return null;
  }
}

// ---- the All-spaces QR page, searched and paged in SQL ----

/** Rows per page of the QR lists. */
export const QR_PAGE_SIZE = 25;

/** The All-spaces QR page's query string: the same search, number filter and page as its URL state. */
export const allQrPageSchema = z.object({
  q: z.string().max(140).catch("").default(""),
  /** "spaceId:phone", or a bare phone number. */
  number: z.string().max(200).catch("").default(""),
  page: z.coerce.number().int().positive().max(1_000_000).catch(1).default(1),
});
export type AllQrPageQuery = z.infer<typeof allQrPageSchema>;

export interface AllQrPageRow extends QrCodeDto {
  spaceId: string;
  spaceName: string;
  verifiedName: string | null;
  /** The caller may change the space's codes (edit and delete are offered): per row, not a list of every writable space. */
  canWrite: boolean;
}

/** One page of every readable space's stored codes, from the inventory. */
export interface AllQrPageResponse {
  rows: AllQrPageRow[];
  total: number;
  page: number;
  pages: number;
  spaces: number;
  failed: PageSpaceProblem[];
  /** Numbers that may have codes whose list the inventory has not read yet (the sweep is asked to). */
  unread: number;
  observedAt: string | null;
  stale: boolean;
  fetchedAt: string;
}
