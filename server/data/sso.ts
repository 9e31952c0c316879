import "server-only";
import { eq } from "drizzle-orm";
import type { SsoAccess, SsoRole, SsoSettingsDto } from "@/lib/schemas/sso";
import { decryptSecret, encryptSecret } from "@/server/crypto";
import { getDb } from "@/server/db";
import { ssoProviders } from "@/server/db/schema";

/** The one provider's row id (and the auth library's provider id: its callback is /api/auth/callback/oidc). */
export const SSO_PROVIDER_ID = "oidc";
const row = { table: "sso_providers" as const, id: SSO_PROVIDER_ID };

/** What the auth library needs, the secret decrypted. Server only, never returned by an action. */
export interface SsoRuntime {
  name: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
  access: SsoAccess;
  domains: string[];
  defaultRole: SsoRole;
  /** Changes whenever the settings do: the auth instance is rebuilt when it differs. */
  version: string;
}

const byId = () => getDb().select().from(ssoProviders).where(eq(ssoProviders.id, SSO_PROVIDER_ID));

export async function getSsoSettings(redirectUri: string): Promise<SsoSettingsDto | null> {
  const [r] = await byId();
  if (!r) return null;
  return { name: r.name, issuer: r.issuer, clientId: r.clientId, hasSecret: !!r.clientSecretEnc, access: r.access as SsoAccess, domains: r.domains, defaultRole: r.defaultRole as SsoRole, redirectUri };
}

/** The button on the sign-in page: the provider's name, or null when single sign-on is off. */
export async function ssoButtonName(): Promise<string | null> {
  const [r] = await getDb().select({ name: ssoProviders.name }).from(ssoProviders).where(eq(ssoProviders.id, SSO_PROVIDER_ID));
  return r?.name ?? null;
}

/** The version of the stored settings (null: none), read on every auth request to notice a change made by another instance. */
export async function ssoVersion(): Promise<string | null> {
  const [r] = await getDb().select({ at: ssoProviders.updatedAt }).from(ssoProviders).where(eq(ssoProviders.id, SSO_PROVIDER_ID));
  return r ? r.at.toISOString() : null;
}

export async function loadSsoRuntime(): Promise<SsoRuntime | null> {
  const [r] = await byId();
  if (!r) return null;
  return {
    name: r.name,
    issuer: r.issuer,
    clientId: r.clientId,
    clientSecret: decryptSecret(r.clientSecretEnc, row),
    access: r.access as SsoAccess,
    domains: r.domains,
    defaultRole: r.defaultRole as SsoRole,
    version: r.updatedAt.toISOString(),
  };
}

/** Stores the settings; an empty secret keeps the stored one. False when there is none to keep. */
export async function saveSsoSettings(input: { name: string; issuer: string; clientId: string; clientSecret: string; access: SsoAccess; domains: string[]; defaultRole: SsoRole }): Promise<boolean> {
  const [existing] = await byId();
  const clientSecretEnc = input.clientSecret ? encryptSecret(input.clientSecret, row) : existing?.clientSecretEnc;
  if (!clientSecretEnc) return false;
  const values = { name: input.name, issuer: input.issuer.replace(/\/+$/, ""), clientId: input.clientId, clientSecretEnc, access: input.access, domains: input.domains, defaultRole: input.defaultRole, updatedAt: new Date() };
  await getDb()
    .insert(ssoProviders)
    .values({ id: SSO_PROVIDER_ID, ...values })
    .onConflictDoUpdate({ target: ssoProviders.id, set: values });
  return true;
}

export async function removeSsoSettings(): Promise<void> {
  await getDb().delete(ssoProviders).where(eq(ssoProviders.id, SSO_PROVIDER_ID));
}
