import { z } from "zod";
import { V, textField } from "./common";

/** Message keys of the sso namespace used by this schema. */
export const SV = {
  issuer: "sso.issuerFormat",
  clientId: "sso.clientIdFormat",
  clientSecret: "sso.clientSecretFormat",
  domains: "sso.domainsFormat",
  domainsNeeded: "sso.domainsNeeded",
} as const;

export const SSO_ACCESS = ["existing", "domains"] as const;
export type SsoAccess = (typeof SSO_ACCESS)[number];
export const SSO_ROLES = ["user", "admin"] as const;
export type SsoRole = (typeof SSO_ROLES)[number];

const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** One domain per line (or comma-separated), lower-cased, without "@"; duplicates dropped. */
export function parseDomains(text: string): string[] {
  return [...new Set(text.split(/[\s,]+/).map((d) => d.trim().toLowerCase().replace(/^@/, "")).filter(Boolean))];
}

/**
 * The sign-on form and action. The client secret is write-only: empty keeps the stored one
 * (required when none is stored: the action says so at the field).
 */
export const ssoSettingsSchema = z
  .object({
    name: textField(60),
    issuer: z
      .string({ error: V.required })
      .trim()
      .min(1, { error: V.required })
      .max(500, { error: SV.issuer })
      .refine((s) => {
        try {
          const u = new URL(s);
          return (u.protocol === "https:" || (u.protocol === "http:" && ["localhost", "127.0.0.1", "[::1]"].includes(u.hostname))) && !u.search && !u.hash;
        } catch {
          return false;
        }
      }, { error: SV.issuer }),
    clientId: z.string({ error: V.required }).trim().min(1, { error: V.required }).max(300, { error: SV.clientId }).regex(/^[\x21-\x7e]+$/, { error: SV.clientId }),
    clientSecret: z.string().max(1000, { error: SV.clientSecret }).regex(/^[\x21-\x7e]*$/, { error: SV.clientSecret }),
    access: z.enum(SSO_ACCESS, { error: V.required }),
    domains: z.string().max(5000, { error: SV.domains }),
    defaultRole: z.enum(SSO_ROLES, { error: V.role }),
  })
  .superRefine((v, ctx) => {
    if (v.access !== "domains") return;
    const domains = parseDomains(v.domains);
    if (domains.length === 0) ctx.addIssue({ code: "custom", path: ["domains"], message: SV.domainsNeeded });
    else if (!domains.every((d) => DOMAIN.test(d))) ctx.addIssue({ code: "custom", path: ["domains"], message: SV.domains });
  });
export type SsoSettingsInput = z.infer<typeof ssoSettingsSchema>;

/** What the settings page gets: never the secret, only whether one is stored. */
export interface SsoSettingsDto {
  name: string;
  issuer: string;
  clientId: string;
  hasSecret: boolean;
  access: SsoAccess;
  domains: string[];
  defaultRole: SsoRole;
  /** The redirect URI to register at the provider. */
  redirectUri: string;
}

/** Whether a new user with this e-mail address may come in through single sign-on. */
export function ssoAdmits(cfg: { access: SsoAccess; domains: string[] }, email: string): boolean {
  if (cfg.access !== "domains") return false;
  const at = email.lastIndexOf("@");
  if (at <= 0) return false;
  return cfg.domains.includes(email.slice(at + 1).toLowerCase());
}
