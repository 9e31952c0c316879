import { z } from "zod";
import { ALERT_KINDS } from "@/lib/alerts";
import { callbackUrlIssue } from "@/lib/url-safety";

const spaceId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/).nullable();

/** Where one rule's alerts go: chosen users, typed addresses, one webhook URL ("" for none). */
export const alertChannelSchema = z.object({
  spaceId,
  kind: z.enum(ALERT_KINDS),
  emailUserIds: z.array(z.string().min(1).max(64)).max(50),
  emailAddresses: z.array(z.email().max(254)).max(50),
  webhookUrl: z
    .string()
    .trim()
    .max(1024)
    .refine((u) => u === "" || callbackUrlIssue(u) === null, { message: "url" }),
});
export type AlertChannelInput = z.infer<typeof alertChannelSchema>;

export const rotateAlertSecretSchema = z.object({ spaceId, kind: z.enum(ALERT_KINDS) });

export const TLS_MODES = ["starttls", "tls", "none"] as const;

/** The SMTP form; an empty password keeps the stored one (it is never sent back). */
export const smtpSettingsSchema = z.object({
  host: z.string().trim().min(1).max(253),
  port: z.coerce.number().int().min(1).max(65535),
  tlsMode: z.enum(TLS_MODES),
  username: z.string().trim().max(254),
  password: z.string().max(500),
  sender: z.email().max(254),
});
export type SmtpSettingsInput = z.infer<typeof smtpSettingsSchema>;

export const testEmailSchema = z.object({ to: z.email().max(254) });

export interface AlertChannelRow {
  spaceId: string | null;
  kind: string;
  emailUserIds: string[];
  emailAddresses: string[];
  webhookUrl: string | null;
  hasSecret: boolean;
}

export interface DeliveryLogRow {
  id: number;
  channel: "email" | "webhook";
  target: string;
  status: string;
  attempts: number;
  latencyMs: number | null;
  httpStatus: number | null;
  lastError: string | null;
  at: string;
  kind: string;
  phoneNumber: string;
}

export interface DeliveryLog {
  email: DeliveryLogRow[];
  webhook: DeliveryLogRow[];
  /** How many of the channel's latest deliveries failed in a row (3 or more: shown as failing). */
  failingStreak: { email: number; webhook: number };
}

const splitAddresses = (s: string) =>
  s
    .split(/[\s,;]+/)
    .map((a) => a.trim())
    .filter(Boolean);

/** The channel form: addresses typed in one field, comma-separated; each must be an e-mail address. */
export const alertChannelFormSchema = alertChannelSchema.extend({
  emailAddresses: z
    .string()
    .max(5000)
    .refine((s) => splitAddresses(s).every((a) => z.email().safeParse(a).success), { message: "email" }),
});
export type AlertChannelFormValues = z.infer<typeof alertChannelFormSchema>;

export const toAlertChannelInput = (v: AlertChannelFormValues): AlertChannelInput => ({ ...v, emailAddresses: splitAddresses(v.emailAddresses) });
