import { z } from "zod";
import { PROFILE_LIMITS, VERTICALS, type Vertical } from "@/lib/cams/operations";
import type { ActionServerError } from "@/lib/action-error";
import type { HealthStatus } from "@/lib/cams/wire-profile";
import { charCount } from "@/lib/text-length";
import { idField } from "./common";
import { fullPhoneField } from "./phone-numbers";

/**
 * The business profile form (one schema for the form and the action), the picture checks, and the
 * DTOs of the Profile tab and the health panel. Messages are translation keys under profile.validation.
 */
export const PV = {
  aboutRequired: "profile.validation.aboutRequired",
  tooLong: "profile.validation.tooLong",
  email: "profile.validation.email",
  website: "profile.validation.website",
  websiteTooLong: "profile.validation.websiteTooLong",
  websiteDuplicate: "profile.validation.websiteDuplicate",
  tooManyWebsites: "profile.validation.tooManyWebsites",
  vertical: "profile.validation.vertical",
  verticalRequired: "profile.validation.verticalRequired",
  pictureUrl: "profile.validation.pictureUrl",
  controlChars: "profile.validation.controlChars",
} as const;

export { PROFILE_LIMITS, VERTICALS, type Vertical };

export { charCount };

// Line breaks are fine in About, Description and Address; other control characters are not.
const CONTROL = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f]/;

const limitedText = (max: number) =>
  z
    .string()
    .trim()
    .refine((s) => charCount(s) <= max, { error: PV.tooLong, params: { max } })
    .refine((s) => !CONTROL.test(s), { error: PV.controlChars });

const httpUrl = (v: string) => {
  if (/\s/.test(v)) return false;
  try {
    const u = new URL(v);
    return (u.protocol === "http:" || u.protocol === "https:") && !!u.hostname && !u.username && !u.password;
  } catch {
    return false;
  }
};

const websiteField = z
  .string()
  .trim()
  .refine((s) => charCount(s) <= PROFILE_LIMITS.website, { error: PV.websiteTooLong, params: { max: PROFILE_LIMITS.website } })
  .refine((s) => s === "" || httpUrl(s), { error: PV.website });

export const profileFields = {
  about: limitedText(PROFILE_LIMITS.about).refine((s) => s.length > 0, { error: PV.aboutRequired }),
  address: limitedText(PROFILE_LIMITS.address),
  description: limitedText(PROFILE_LIMITS.description),
  email: z
    .string()
    .trim()
    .refine((s) => charCount(s) <= PROFILE_LIMITS.email, { error: PV.tooLong, params: { max: PROFILE_LIMITS.email } })
    .refine((s) => s === "" || z.email().safeParse(s).success, { error: PV.email }),
  /** "" = not chosen (allowed only while none was ever set; the action checks against CAMS's value). */
  vertical: z.union([z.enum(VERTICALS), z.literal("")], { error: PV.vertical }),
  /** Website slots; empty slots are dropped. */
  websites: z
    .array(websiteField)
    .max(PROFILE_LIMITS.websites, { error: PV.tooManyWebsites })
    .superRefine((list, ctx) => {
      const seen = new Set<string>();
      list.forEach((w, i) => {
        if (w && seen.has(w)) ctx.addIssue({ code: "custom", path: [i], message: PV.websiteDuplicate });
        seen.add(w);
      });
    }),
  profilePictureUrl: z
    .string()
    .trim()
    .max(2048, { error: PV.pictureUrl })
    .refine((s) => s === "" || httpUrl(s), { error: PV.pictureUrl }),
};

export const profileValuesSchema = z.object(profileFields);
export type ProfileValues = z.output<typeof profileValuesSchema>;
export type ProfileFormValues = z.input<typeof profileValuesSchema>;

export const updateProfileSchema = profileValuesSchema.extend({ spaceId: idField, phoneNumber: fullPhoneField });
export type UpdateProfileInput = z.input<typeof updateProfileSchema>;

/** The profile as the tab shows it (what CAMS answered, vertical normalized to its code where known). */
export interface ProfileView {
  about: string;
  address: string;
  description: string;
  email: string;
  /** A code; a value CAMS sent that maps to no code is kept as it came; "" = none. */
  vertical: string;
  websites: string[];
  profilePictureUrl: string;
}

export const PROFILE_FIELDS = ["about", "description", "address", "email", "vertical", "websites", "profilePictureUrl"] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];

const sameValue = (a: string | string[], b: string | string[]) => JSON.stringify(a) === JSON.stringify(b);

/** The fields that differ, old → new (websites compared as the list without empty slots). */
export function profileDiff(old: ProfileView, next: ProfileValues): { field: ProfileField; from: string | string[]; to: string | string[] }[] {
  const to = { ...next, websites: next.websites.filter(Boolean) };
  return PROFILE_FIELDS.filter((f) => !sameValue(old[f], to[f])).map((f) => ({ field: f, from: old[f], to: to[f] }));
}

export interface ProfileRead {
  profile: ProfileView;
  readAt: string;
}

export interface ProfileSaveResult {
  requestId: string | null;
  changed: ProfileField[];
  now: ProfileView | null;
  readError: ActionServerError | null;
  readAt: string;
}

// ---- the picture ----

export const PICTURE = { minPx: 192, maxBytes: 5 * 1024 * 1024, types: ["image/jpeg", "image/png"] } as const;
export const PICTURE_ISSUES = ["type", "size", "dimensions", "square", "small", "unreadable"] as const;
export type PictureIssue = (typeof PICTURE_ISSUES)[number];

/** Width and height of a PNG (IHDR) or a JPEG (first SOFn marker); null when neither parses. */
export function imageSize(b: Uint8Array): { type: "image/png" | "image/jpeg"; width: number; height: number } | null {
  const u32 = (i: number) => ((b[i] << 24) | (b[i + 1] << 16) | (b[i + 2] << 8) | b[i + 3]) >>> 0;
  const u16 = (i: number) => (b[i] << 8) | b[i + 1];
  if (b.length >= 24 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47 && String.fromCharCode(...b.subarray(12, 16)) === "IHDR") {
    return { type: "image/png", width: u32(16), height: u32(20) };
  }
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xd8) {
    let i = 2;
    while (i + 9 < b.length) {
      if (b[i] !== 0xff) return null;
      const marker = b[i + 1];
      if (marker === 0xff) {
        i++;
        continue;
      }
      const len = u16(i + 2);
      // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC).
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { type: "image/jpeg", height: u16(i + 5), width: u16(i + 7) };
      }
      i += 2 + len;
    }
  }
  return null;
}

/** Why a picture cannot be a profile picture, or null: a square JPG or PNG of at least 192 px, at most 5 MB. */
export function pictureIssue(bytes: Uint8Array, declaredType?: string): PictureIssue | null {
  if (bytes.length > PICTURE.maxBytes) return "size";
  if (declaredType && !(PICTURE.types as readonly string[]).includes(declaredType)) return "type";
  const size = imageSize(bytes);
  if (!size) return declaredType ? "unreadable" : "type";
  if (declaredType && declaredType !== size.type) return "type";
  if (!size.width || !size.height) return "unreadable";
  if (size.width !== size.height) return "square";
  if (size.width < PICTURE.minPx) return "small";
  return null;
}

export interface PictureUploadResult {
  url: string;
  width: number;
  height: number;
  bytes: number;
}

// ---- health ----

export const HEALTH_STATES = ["AVAILABLE", "LIMITED", "BLOCKED"] as const;

export interface HealthView {
  status: HealthStatus;
  checkedAt: string;
}

/** The picture upload action's input: the file itself goes to the server, checked there before any call. */
export const uploadPictureSchema = z.object({
  spaceId: idField,
  phoneNumber: fullPhoneField,
  file: z.instanceof(Blob, { error: "profile.validation.pictureFile" }),
});

export const checkHealthSchema = z.object({ spaceId: idField, phoneNumber: fullPhoneField });

/** Translation keys of the picture problems (profile.picture.issue.<issue>). */
export const pictureIssueKey = (i: PictureIssue) => `profile.picture.issue.${i}` as const;
