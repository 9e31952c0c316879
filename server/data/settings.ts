import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/server/db";
import { appSettings } from "@/server/db/schema";

/**
 * Keys of app_settings. (The former boolean "allow_private_webhook_addresses" is no longer read: a
 * stored `true` counts as an empty list of allowed networks.)
 */
export const SETTING = { setupCompleted: "setup_completed", allowedPrivateNetworks: "allowed_private_networks", twoFactorPolicy: "two_factor_required" } as const;

export async function getSetting<T>(key: string): Promise<T | undefined> {
  const [row] = await getDb().select().from(appSettings).where(eq(appSettings.key, key));
  return row?.value as T | undefined;
}

export async function setSetting(key: string, value: unknown): Promise<void> {
  await getDb()
    .insert(appSettings)
    .values({ key, value: value as never })
    .onConflictDoUpdate({ target: appSettings.key, set: { value: value as never } });
}

export async function isSetupCompleted(): Promise<boolean> {
  return (await getSetting<boolean>(SETTING.setupCompleted)) === true;
}

/** Claims the one-time setup inside `tx`: true for exactly one caller, ever (a rollback leaves it open). */
export async function claimSetupIn(tx: Pick<ReturnType<typeof getDb>, "insert">): Promise<boolean> {
  const rows = await tx
    .insert(appSettings)
    .values({ key: SETTING.setupCompleted, value: true as never })
    .onConflictDoNothing()
    .returning({ key: appSettings.key });
  return rows.length === 1;
}

/** Claims the one-time setup: true for exactly one caller, ever. */
export async function claimSetup(): Promise<boolean> {
  const rows = await getDb()
    .insert(appSettings)
    .values({ key: SETTING.setupCompleted, value: true as never })
    .onConflictDoNothing()
    .returning({ key: appSettings.key });
  return rows.length === 1;
}
