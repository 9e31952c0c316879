import { z } from "zod";
import {
  AUTOMATION_LIMITS, EMOJI_RE, EVENT_ACTIONS, GENERATE_QR_IMAGE, GRANULARITIES, MESSAGE_PAGE_MAX, VERIFY_LOCALES, VERIFY_METHODS, YES_NO,
} from "@/lib/cams/operations";

/**
 * What crosses the CAMS client boundary, browser-safe. Responses: the SDK has already mapped
 * CAMS's PascalCase keys to camelCase; these schemas turn that into the DTOs the UI reads.
 * Enum-like fields stay plain strings: sources disagree on the values (API.md §10), so an
 * unknown value must show as it came, never fail the parse.
 */

/** Absent, null and "" all mean "not set"; numbers and booleans become text. */
const text = z
  .union([z.string(), z.number(), z.boolean()])
  .nullish()
  .transform((v) => (v === undefined || v === null || v === "" ? null : String(v)));
const count = z.coerce.number().nullish().transform((v) => (v === undefined || v === null || Number.isNaN(v) ? 0 : v));
const epochMs = z.coerce.number().nullish().transform((v) => (v === undefined || v === null || Number.isNaN(v) ? null : v));
/** An object shape of text fields, one per CAMS key named. */
const texts = <K extends string>(...keys: K[]) => Object.fromEntries(keys.map((k) => [k, text])) as Record<K, typeof text>;

export const phoneNumberInfoSchema = z.object(texts("phoneNumber", "verifiedName", "status", "qualityRating", "messagingLimitTier", "codeVerificationStatus", "nameStatus", "newNameStatus", "statusCallbackUrl", "upCallbackUrl", "statusQueue", "upQueue"));
export type PhoneNumberInfo = z.output<typeof phoneNumberInfoSchema>;

export const qrCodeSchema = z.object(texts("phoneNumber", "qrdlCode", "generateQrImage", "prefilledMessage", "deepLinkUrl", "qrImageUrl"));
export type QrCode = z.output<typeof qrCodeSchema>;

export const encryptionKeyInfoSchema = z.object({
  phoneNumber: text,
  /** PEM. A public key, but keep it out of logs anyway: it is large and says nothing useful there. */
  encryptionPublicKey: text,
  encryptionPublicKeyStatus: text,
});
export type EncryptionKeyInfo = z.output<typeof encryptionKeyInfoSchema>;

export const verificationStatusSchema = z.object(texts("phoneNumber", "id", "codeVerificationStatus"));
export type VerificationStatus = z.output<typeof verificationStatusSchema>;

export const metricPointSchema = z.object({
  phoneNumber: text,
  granularity: text,
  start: epochMs,
  end: epochMs,
  sentCount: count,
  deliveredCount: count,
});
export type MetricPoint = z.output<typeof metricPointSchema>;

/** A boolean as CAMS may spell it: true/false, "true"/"false", or absent (false). */
const flagBool = z
  .union([z.boolean(), z.string(), z.number()])
  .nullish()
  .transform((v) => v === true || v === 1 || (typeof v === "string" && v.toLowerCase() === "true"));

export const automationCommandSchema = z.object({ commandName: text, commandDescription: text });
export const automationSchema = z.object({
  phoneNumber: text,
  enableWelcomeMessage: flagBool,
  prompts: z
    .array(z.string())
    .nullish()
    .transform((v) => v ?? []),
  commands: z
    .array(automationCommandSchema)
    .nullish()
    .transform((v) => (v ?? []).map((c) => ({ commandName: c.commandName ?? "", commandDescription: c.commandDescription ?? "" }))),
});
export type ConversationalAutomation = z.output<typeof automationSchema>;

/** One ListChatappMessage row. SendTime's format is not documented: kept as text, read by the DTO. */
export const chatMessageSchema = z.object(
  texts(
    "messageId", "conversationId", "businessNumber", "userNumber", "eventAction", "messageStatus", "clientReadStatus", "failReason", "failBackFlag", "messageType", "message", "templateCode", "templateName", "sendTime",
  ),
);
export type ChatMessage = z.output<typeof chatMessageSchema>;

/** The envelope every CAMS answer has: Code "OK" means success (API.md §1). */
export const envelopeSchema = z.object({
  code: z.string().min(1),
  message: z.string().nullish(),
  requestId: z.string().nullish(),
  accessDeniedDetail: z.string().nullish(),
});

// ---- requests (camelCase; the client maps them onto the SDK's request models) ----

/** Country code + national number, digits only (API.md §8). */
export const fullPhoneNumber = z.string().regex(/^[1-9]\d{7,14}$/, "Digits only: country code and number");
/** Optional on every input: the client falls back to the space it was created for. */
const custSpaceId = z.string().min(1).max(64).optional();
const yesNo = z.enum(YES_NO).optional();
const url = z.string().max(1024).optional();
const codePoints = (max: number) => (s: string) => [...s].length <= max;

export const addPhoneNumberInput = z.object({
  custSpaceId,
  cc: z.string().regex(/^[1-9]\d{0,2}$/, "Country code: 1–3 digits"),
  /** National number, without the country code (the one operation that splits them). */
  phoneNumber: z.string().regex(/^\d{4,14}$/, "Digits only, without the country code"),
  verifiedName: z.string().trim().min(1).max(255),
  preValidateId: z.string().min(1).optional(),
});
export const queryPhoneNumbersInput = z.object({
  custSpaceId,
  isvCode: z.string().min(1).optional(),
  status: z.string().min(1).optional(),
});
export const phoneInput = z.object({ custSpaceId, phoneNumber: fullPhoneNumber });
export const getVerifyCodeInput = phoneInput.extend({
  method: z.enum(VERIFY_METHODS),
  locale: z.enum(VERIFY_LOCALES),
});
export const verifyAndRegisterInput = phoneInput.extend({ verifyCode: z.string().regex(/^\d{4,10}$/) });
export const updateEncryptionPublicKeyInput = phoneInput.extend({
  encryptionPublicKey: z.string().min(1).max(8192),
});
export const createQrCodeInput = phoneInput.extend({
  generateQrImage: z.enum(GENERATE_QR_IMAGE),
  prefilledMessage: z.string().min(1).refine(codePoints(140), "At most 140 characters"),
});
export const qrCodeRefInput = phoneInput.extend({ qrdlCode: z.string().min(1).max(128) });
export const updateQrCodeInput = createQrCodeInput.extend({ qrdlCode: z.string().min(1).max(128) });
export const updatePhoneWebhookInput = phoneInput.extend({
  statusCallbackUrl: url,
  upCallbackUrl: url,
  httpFlag: yesNo,
  queueFlag: yesNo,
});
export const updateAccountWebhookInput = z.object({ custSpaceId, statusCallbackUrl: url, httpFlag: yesNo, queueFlag: yesNo });
export const getPhoneNumberMetricInput = z
  .object({
    custSpaceId,
    phoneNumber: fullPhoneNumber.optional(),
    isvCode: z.string().min(1).optional(),
    granularity: z.enum(GRANULARITIES).optional(),
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
  })
  .refine((v) => v.start <= v.end, { message: "start must not be after end", path: ["end"] });

const noEmoji = (s: string) => !EMOJI_RE.test(s);
const limitedText = (max: number) => z.string().min(1).refine(codePoints(max), `At most ${max} characters`).refine(noEmoji, "No emoji");

export const updateAutomationInput = phoneInput.extend({
  enableWelcomeMessage: z.boolean().optional(),
  /** Ice breakers; sent as one JSON string. */
  prompts: z.array(limitedText(AUTOMATION_LIMITS.promptChars)).max(AUTOMATION_LIMITS.prompts).optional(),
  /** Sent as one JSON string of `{CommandName, CommandDescription}` objects, the wire's own names. */
  commands: z
    .array(z.object({ commandName: limitedText(AUTOMATION_LIMITS.commandName), commandDescription: limitedText(AUTOMATION_LIMITS.commandDescription) }))
    .max(AUTOMATION_LIMITS.commands)
    .optional()
    .transform((list) => list?.map((c) => ({ CommandName: c.commandName, CommandDescription: c.commandDescription }))),
});

export const listMessagesInput = z.object({
  custSpaceId,
  businessNumber: fullPhoneNumber,
  channelType: z.literal("whatsapp").default("whatsapp"),
  /** Sent as one JSON string `{"Index":1,"Size":20}`. */
  page: z
    .object({ index: z.number().int().min(1), size: z.number().int().min(1).max(MESSAGE_PAGE_MAX) })
    .transform((p) => ({ Index: p.index, Size: p.size })),
  startTime: z.number().int().nonnegative().optional(),
  endTime: z.number().int().nonnegative().optional(),
  eventAction: z.enum(EVENT_ACTIONS).optional(),
  userNumber: fullPhoneNumber.optional(),
  templateCode: z.string().min(1).max(64).optional(),
  messageStatus: z.string().min(1).max(32).optional(),
});

export type UpdateAutomationInput = z.input<typeof updateAutomationInput>;
export type ListMessagesInput = z.input<typeof listMessagesInput>;
export type AddPhoneNumberInput = z.input<typeof addPhoneNumberInput>;
export type QueryPhoneNumbersInput = z.input<typeof queryPhoneNumbersInput>;
export type PhoneInput = z.input<typeof phoneInput>;
export type GetVerifyCodeInput = z.input<typeof getVerifyCodeInput>;
export type VerifyAndRegisterInput = z.input<typeof verifyAndRegisterInput>;
export type UpdateEncryptionPublicKeyInput = z.input<typeof updateEncryptionPublicKeyInput>;
export type CreateQrCodeInput = z.input<typeof createQrCodeInput>;
export type QrCodeRefInput = z.input<typeof qrCodeRefInput>;
export type UpdateQrCodeInput = z.input<typeof updateQrCodeInput>;
export type UpdatePhoneWebhookInput = z.input<typeof updatePhoneWebhookInput>;
export type UpdateAccountWebhookInput = z.input<typeof updateAccountWebhookInput>;
export type GetPhoneNumberMetricInput = z.input<typeof getPhoneNumberMetricInput>;
