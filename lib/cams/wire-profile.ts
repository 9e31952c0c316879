import { z } from "zod";
import { HEALTH_NODE_TYPES, PROFILE_LIMITS, VERTICALS, type Vertical } from "@/lib/cams/operations";
import { fullPhoneNumber } from "@/lib/cams/wire";

/**
 * Business profile, upload authorization and health on the wire (API.md §2 "newer operations").
 * Responses arrive camelCased (the SDK's models, or `callApi`'s body camelCased in define.ts).
 */

const text = z
  .union([z.string(), z.number(), z.boolean()])
  .nullish()
  .transform((v) => (v === undefined || v === null || v === "" ? null : String(v)));

/**
 * CAMS answers Vertical as a code or as a localized label ("零售"): both map to the code. The labels
 * are WhatsApp Manager's (zh-CN and en); an unknown value stays as it came (shown raw).
 */
const VERTICAL_LABELS: Record<string, Vertical> = {
  其他: "OTHER", 汽车: "AUTO", 美容: "BEAUTY", "美容、水疗和美发": "BEAUTY", 服装: "APPAREL", "服装和服饰": "APPAREL",
  教育: "EDU", 娱乐: "ENTERTAIN", 活动策划: "EVENT_PLAN", "活动策划和服务": "EVENT_PLAN", 金融: "FINANCE", "金融和银行": "FINANCE",
  食品杂货: "GROCERY", "食品和杂货": "GROCERY", 政府: "GOVT", 公共服务: "GOVT", 酒店: "HOTEL", "酒店和住宿": "HOTEL",
  医疗: "HEALTH", "医疗和健康": "HEALTH", 非营利组织: "NONPROFIT", 专业服务: "PROF_SERVICES", 零售: "RETAIL", 旅游: "TRAVEL",
  "旅行和交通": "TRAVEL", 餐饮: "RESTAURANT", 餐厅: "RESTAURANT",
  other: "OTHER", automotive: "AUTO", "beauty, spa and salon": "BEAUTY", "clothing and apparel": "APPAREL", education: "EDU",
  entertainment: "ENTERTAIN", "event planning and service": "EVENT_PLAN", "finance and banking": "FINANCE",
  "food and grocery": "GROCERY", "public service": "GOVT", "hotel and lodging": "HOTEL", "medical and health": "HEALTH",
  "non-profit": "NONPROFIT", "professional services": "PROF_SERVICES", "shopping and retail": "RETAIL", retail: "RETAIL",
  "travel and transportation": "TRAVEL", restaurant: "RESTAURANT",
};

export const isVertical = (v: string): v is Vertical => (VERTICALS as readonly string[]).includes(v);

/** A code, a known label (either language) → the code; "UNDEFINED"/empty → null; anything else as it came. */
export function normalizeVertical(v: string | null): string | null {
  const t = v?.trim();
  if (!t || t.toUpperCase() === "UNDEFINED") return null;
  if (isVertical(t.toUpperCase())) return t.toUpperCase();
  return VERTICAL_LABELS[t] ?? VERTICAL_LABELS[t.toLowerCase()] ?? t;
}

export const businessProfileDto = z.object({
  about: text,
  address: text,
  description: text,
  email: text,
  profilePictureUrl: text,
  vertical: text.transform(normalizeVertical),
  websites: z
    .union([z.array(z.string()), z.string()])
    .nullish()
    .transform((v) => {
      // Some answers carry the JSON string as sent; accept it too.
      if (typeof v === "string") {
        try {
          const parsed: unknown = JSON.parse(v);
          return Array.isArray(parsed) ? parsed.map(String) : v ? [v] : [];
        } catch {
          return v ? [v] : [];
        }
      }
      return (v ?? []).filter((w) => w !== "");
    }),
});
export type BusinessProfileDto = z.output<typeof businessProfileDto>;

const codePoints = (max: number) => (s: string) => [...s].length <= max;
const custSpaceId = z.string().min(1).max(64).optional();
const limited = (max: number) => z.string().refine(codePoints(max), `At most ${max} characters`).optional();

/** ModifyPhoneBusinessProfile: absent fields are left as they are; Websites goes as one JSON string. */
export const modifyBusinessProfileInput = z.object({
  custSpaceId,
  phoneNumber: fullPhoneNumber,
  about: limited(PROFILE_LIMITS.about),
  address: limited(PROFILE_LIMITS.address),
  description: limited(PROFILE_LIMITS.description),
  email: limited(PROFILE_LIMITS.email),
  vertical: z.enum(VERTICALS).optional(),
  profilePictureUrl: z.string().max(2048).optional(),
  websites: z.array(z.string().refine(codePoints(PROFILE_LIMITS.website))).max(PROFILE_LIMITS.websites).optional(),
});
export type ModifyBusinessProfileInput = z.input<typeof modifyBusinessProfileInput>;

export const uploadAuthorizationInput = z.object({ custSpaceId });

/** Temporary OSS credentials: secrets. Server-side only; never logged, returned to a browser or kept past `expire`. */
export const uploadAuthorizationSchema = z.object({
  accessKeyId: z.string().min(1),
  accessKeySecret: z.string().min(1),
  securityToken: z.string().min(1),
  bucketName: z.string().min(1),
  dir: z.string().nullish().transform((v) => v ?? ""),
  endPoint: z.string().min(1),
  /** Seconds the credentials stay valid. */
  expire: z.coerce.number().int().positive(),
});
export type UploadAuthorization = z.output<typeof uploadAuthorizationSchema>;

export const healthStatusInput = z.object({
  custSpaceId,
  nodeType: z.enum(HEALTH_NODE_TYPES),
  phoneNumber: fullPhoneNumber.optional(),
  wabaId: z.string().min(1).max(64).optional(),
  templateCode: z.string().min(1).max(128).optional(),
  language: z.string().min(1).max(16).optional(),
});

const healthError = z.object({ errorCode: text, errorDescription: text, possibleSolution: text });
const healthEntity = z.object({
  entityType: text,
  canSendMessage: text,
  phoneNumber: text,
  wabaId: text,
  businessId: text,
  errors: z.array(healthError).nullish().transform((v) => v ?? []),
});
export const healthStatusSchema = z.object({
  canSendMessage: text,
  entities: z.array(healthEntity).nullish().transform((v) => v ?? []),
});
export type HealthStatus = z.output<typeof healthStatusSchema>;
export type HealthEntity = HealthStatus["entities"][number];
