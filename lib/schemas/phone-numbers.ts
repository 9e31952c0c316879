import { z } from "zod";
import type { ActionServerError } from "@/lib/action-error";
import { countryByIso, nationalNumberIssue } from "@/lib/phone";
import { SORT_KEYS } from "@/lib/phone-list";
import { idField } from "./common";

/**
 * Phone-number forms and reads. Messages are translation keys (messages/<locale>/phoneNumbers.json,
 * under phoneNumbers.validation) so one schema speaks both languages, in the form and the action.
 */
export const PV = {
  required: "validation.required",
  country: "phoneNumbers.validation.country",
  digitsOnly: "phoneNumbers.validation.digitsOnly",
  tooShort: "phoneNumbers.validation.tooShort",
  tooLong: "phoneNumbers.validation.tooLong",
  repeatsCountryCode: "phoneNumbers.validation.repeatsCountryCode",
  trunkZero: "phoneNumbers.validation.trunkZero",
  nameLength: "phoneNumbers.validation.nameLength",
  nameEmoji: "phoneNumbers.validation.nameEmoji",
  nameCharacters: "phoneNumbers.validation.nameCharacters",
  nameCapitals: "phoneNumbers.validation.nameCapitals",
  fullNumber: "phoneNumbers.validation.fullNumber",
  code: "phoneNumbers.validation.code",
  method: "phoneNumbers.validation.method",
  locale: "phoneNumbers.validation.locale",
} as const;

/**
 * Display-name (VerifiedName) rules, from Meta's display-name guidelines (API.md §8):
 * - 3–255 characters (CAMS and Twilio allow 1–255; Meta rejects names that short as not representing a business);
 * - no emoji or pictographs;
 * - letters of any script, digits, spaces and the punctuation business names use: & ' ’ . , - ( ) / : ! ? + ·;
 * - no excessive capitals: from 8 letters on, at most two thirds may be capitals ("ACME RETAIL" → "Acme Retail");
 *   short acronyms ("KFC", "HSBC UK") stay allowed;
 * - no runs of spaces.
 */
export const NAME_MIN = 3;
export const NAME_MAX = 255;
const EMOJI = /[\p{Extended_Pictographic}\p{Regional_Indicator}\u{FE0F}\u{20E3}]/u;
const ALLOWED = /^[\p{L}\p{M}\p{N} &'’.,\-()/:!?+·]+$/u;

export type NameIssue = keyof Pick<typeof PV, "nameLength" | "nameEmoji" | "nameCharacters" | "nameCapitals">;

export function verifiedNameIssue(raw: string): NameIssue | null {
  const name = raw.trim();
  const length = [...name].length;
  if (length < NAME_MIN || length > NAME_MAX) return "nameLength";
  if (EMOJI.test(name)) return "nameEmoji";
  if (!ALLOWED.test(name) || /\s{2,}/.test(name)) return "nameCharacters";
  const upper = name.match(/\p{Lu}/gu)?.length ?? 0;
  const lower = name.match(/\p{Ll}/gu)?.length ?? 0;
  if (upper + lower >= 8 && upper * 3 > (upper + lower) * 2) return "nameCapitals";
  return null;
}

export const verifiedNameField = z
  .string({ error: PV.required })
  .trim()
  .superRefine((v, ctx) => {
    const issue = verifiedNameIssue(v);
    if (issue) ctx.addIssue({ code: "custom", message: PV[issue] });
  });

/** Country code + national number, digits only, as every operation but AddChatappPhoneNumber takes it. */
export const fullPhoneField = z.string({ error: PV.fullNumber }).regex(/^[1-9]\d{7,14}$/, { error: PV.fullNumber });

export const addPhoneNumberSchema = z
  .object({
    spaceId: idField,
    /** ISO country; the calling code comes from lib/phone.ts on both sides. */
    country: z.string({ error: PV.country }).min(1, { error: PV.country }).max(2, { error: PV.country }),
    nationalNumber: z.string({ error: PV.required }).min(1, { error: PV.required }).max(20, { error: PV.tooLong }),
    verifiedName: verifiedNameField,
  })
  .superRefine((v, ctx) => {
    const country = countryByIso(v.country);
    if (!country) {
      ctx.addIssue({ code: "custom", path: ["country"], message: PV.country });
      return;
    }
    if (!v.nationalNumber) return; // "required" already said it
    const issue = nationalNumberIssue(country.cc, v.nationalNumber);
    if (issue) ctx.addIssue({ code: "custom", path: ["nationalNumber"], message: PV[issue] });
  });
export type AddPhoneNumberInput = z.infer<typeof addPhoneNumberSchema>;

export const phoneRefSchema = z.object({ spaceId: idField, phoneNumber: fullPhoneField });
export type PhoneRefInput = z.infer<typeof phoneRefSchema>;

export const VERIFY_METHODS = ["SMS", "VOICE"] as const;
export const VERIFY_LOCALES = ["en_US", "zh_CN"] as const;

export const requestCodeSchema = phoneRefSchema.extend({
  method: z.enum(VERIFY_METHODS, { error: PV.method }),
  locale: z.enum(VERIFY_LOCALES, { error: PV.locale }),
});
export type RequestCodeInput = z.infer<typeof requestCodeSchema>;

/** Meta's verification codes are 6 digits. Spaces or dashes from a paste are dropped first. */
export const verifyCodeSchema = phoneRefSchema.extend({
  code: z
    .string({ error: PV.code })
    .transform((s) => s.replace(/[\s-]/g, ""))
    .pipe(z.string().regex(/^\d{6}$/, { error: PV.code })),
});
export type VerifyCodeInput = z.input<typeof verifyCodeSchema>;

// ---- reads (route handler query strings) ----

/** A Status filter value for QueryChatappPhoneNumbers: any upper-case word, since sources disagree (API.md §10). */
export const statusFilterField = z
  .string()
  .regex(/^[A-Za-z_]{1,32}$/)
  .optional()
  .catch(undefined);

export { PHONE_PAGE_SIZE, SORT_KEYS, type SortKey } from "@/lib/phone-list";

/**
 * The All-spaces list's query string: the same search, filters, sort and page as the list's URL
 * state (components/phone-numbers/use-list-state.ts), paged, sorted and filtered in SQL.
 */
export const allSpacesPageSchema = z.object({
  q: z.string().max(100).catch("").default(""),
  status: statusFilterField,
  quality: statusFilterField,
  sort: z.enum(SORT_KEYS).catch("number").default("number"),
  dir: z.enum(["asc", "desc"]).catch("asc").default("asc"),
  page: z.coerce.number().int().positive().max(1_000_000).catch(1).default(1),
});
export type AllSpacesPageQuery = z.infer<typeof allSpacesPageSchema>;

export const GRANULARITIES = ["DAILY", "HALF_HOUR"] as const;
export const metricQuerySchema = z.object({ granularity: z.enum(GRANULARITIES).catch("DAILY") });
export type Granularity = (typeof GRANULARITIES)[number];

// ---- DTOs the read endpoints return (no callback secrets, nothing the caller may not see) ----

export interface PhoneNumberRow {
  /** Country code + national number, digits only. */
  phoneNumber: string;
  verifiedName: string | null;
  status: string | null;
  qualityRating: string | null;
  messagingLimitTier: string | null;
  codeVerificationStatus: string | null;
  nameStatus: string | null;
  newNameStatus: string | null;
  /** GetWhatsappHealthStatus's overall CanSendMessage as the inventory last stored it (lists only). */
  health?: string | null;
  healthCheckedAt?: string | null;
  /** History events of the number over the last 7 days (lists only). */
  changes7d?: number;
}

export interface PhoneNumberDetail extends PhoneNumberRow, InventoryMeta {
  statusCallbackUrl: string | null;
  upCallbackUrl: string | null;
  statusQueue: string | null;
  upQueue: string | null;
  /** Meta's phone-number id (GetPhoneNumberVerificationStatus), when CAMS gave it. */
  metaId: string | null;
}

/** Where a read of the inventory stands: when CAMS last answered, and whether the last refresh failed. */
export interface InventoryMeta {
  /** ISO time CAMS last answered for the space (the list is "as of" then). */
  observedAt?: string;
  /** The last refresh failed: what is shown is the last known data, with that error. */
  stale?: boolean;
  lastError?: ActionServerError | null;
}

export interface PhoneListResponse extends InventoryMeta {
  numbers: PhoneNumberRow[];
  fetchedAt: string;
}

export type SpaceNumbersResult =
  | ({ spaceId: string; spaceName: string; ok: true; numbers: PhoneNumberRow[] } & InventoryMeta)
  | { spaceId: string; spaceName: string; ok: false; error: ActionServerError };

export interface AllSpacesResponse {
  spaces: SpaceNumbersResult[];
  fetchedAt: string;
}

export interface MetricPointDto {
  start: number;
  sent: number;
  delivered: number;
}

export interface MetricsResponse {
  granularity: Granularity;
  start: number;
  end: number;
  points: MetricPointDto[];
}

export interface AllSpacesPageRow extends PhoneNumberRow {
  spaceId: string;
  spaceName: string;
}

/** One page of every readable space's numbers, from the inventory. */
export interface AllSpacesPageResponse {
  rows: AllSpacesPageRow[];
  /** Matching rows over every space; a page past the end answers the last page. */
  total: number;
  page: number;
  pages: number;
  /** Readable spaces. */
  spaces: number;
  /** Spaces never read (their read failed) or whose last refresh failed (shown stale). */
  failed: (({ ok: false; error: ActionServerError } | { ok: true; stale: true; lastError: ActionServerError }) & { spaceId: string; spaceName: string })[];
  /** The oldest observation among the spaces shown: the page is at least this fresh. */
  observedAt: string | null;
  fetchedAt: string;
}
