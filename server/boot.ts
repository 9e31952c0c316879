import "server-only";
import { eq } from "drizzle-orm";
import { env } from "@/lib/env";
import { encryptSecret, ring, type Keyring } from "@/server/crypto";
import path from "node:path";
import { dataDir, ensureMigrated, getDb } from "@/server/db";
import { cloudAccounts, spaces } from "@/server/db/schema";
import { getLogger } from "@/server/logger";
import { appUrlOf, trustedOriginsOf } from "@/server/auth/origins";
import { purgeExpiredThrottles } from "@/server/auth/throttle";
import { sandboxControlHeaders } from "@/server/data/sandbox-control";
import { installClientAddressStamp, parseTrustedProxies } from "@/server/client-address";

/**
 * Runs once at server start (instrumentation.ts): migrations first, so the first request never
 * waits for PGlite's initdb; then the sandbox account when the embedded sandbox runs beside us.
 */
export async function boot(): Promise<void> {
  // Before anything else: every request this process serves carries the address its socket came from.
  installClientAddressStamp({ trustedProxies: parseTrustedProxies(env.TRUSTED_PROXIES), header: env.CLIENT_ADDRESS_HEADER });
  const log = getLogger();
  const started = Date.now();
  // A bad key configuration (a key id given twice, a malformed key) stops the start here, clearly.
  const keys = ring();
  await ensureMigrated();
  log.info({ durationMs: Date.now() - started }, "database ready");
  await bindStoredSecrets(keys);
  // Sign-in is refused (INVALID_ORIGIN) from any other address: APP_URL / TRUSTED_ORIGINS add some.
  log.info({ appUrl: appUrlOf(env), trustedOrigins: trustedOriginsOf(env) }, "sign-in accepted from these addresses");
  await openSetupIfNeeded();
  (await import("@/server/jobs/worker")).startJobWorker();
  startThrottlePurge();
  // Alert mail and webhooks queued by sweeps (alert_deliveries); every instance may send them.
  (await import("@/server/alerts/delivery")).startDeliveryWorker();
  if (env.INVENTORY_SWEEP === "1") (await import("@/server/inventory/worker")).startSweepWorker();
  const link = sandboxToLink(env);
  if (link) {
    try {
      await ensureSandboxAccount(link.url, link.accessKeyId, link.secret);
    } catch (err) {
      log.warn({ err }, "sandbox account not linked");
    }
  }
}

/**
 * Secrets stored before ciphertexts were bound to their rows (or under an old key still listed)
 * are re-encrypted, bound, under the current key; what no configured key reads is logged by row.
 */
async function bindStoredSecrets(keys: Keyring): Promise<void> {
  const { reencryptAllSecrets } = await import("@/server/data/rotate");
  const { rotated, unreadable } = await reencryptAllSecrets(getDb(), keys);
  if (rotated) getLogger().info({ rotated, keyId: keys.currentId }, "stored secrets re-encrypted under the current key, bound to their rows");
  for (const u of unreadable) getLogger().warn({ table: u.table, id: u.id, name: u.name, keyId: u.keyId, reason: u.reason }, "stored secret cannot be read");
}

/** While no administrator exists, the setup page needs the token in DATA_DIR/setup.token (created here). */
async function openSetupIfNeeded(): Promise<void> {
  const { isSetupCompleted } = await import("@/server/data/settings");
  const { ensureSetupToken, removeSetupToken, SETUP_TOKEN_FILE } = await import("@/server/auth/setup-token");
  if (await isSetupCompleted()) return removeSetupToken(dataDir());
  ensureSetupToken(dataDir());
  getLogger().info({ file: path.join(dataDir(), SETUP_TOKEN_FILE) }, "setup is open: /setup asks for the one-time token in this file");
}

/** Expired sign-in throttle records are deleted every ten minutes (any instance may do it). */
function startThrottlePurge(): void {
  const g = globalThis as unknown as { __camsThrottlePurge?: NodeJS.Timeout };
  if (g.__camsThrottlePurge) return;
  const purge = () =>
    purgeExpiredThrottles().catch((err: unknown) => getLogger().warn({ err }, "throttle purge failed"));
  void purge();
  g.__camsThrottlePurge = setInterval(purge, 10 * 60_000);
  g.__camsThrottlePurge.unref();
}

/**
 * The sandbox to link as the "Sandbox" account, or null. Only when asked (CAMS_SANDBOX_LINK=1,
 * start:embedded's demo mode): a production start with leftover sandbox variables never links
 * an emulator as an account.
 */
export function sandboxToLink(e: Pick<typeof env, "CAMS_SANDBOX_LINK" | "CAMS_SANDBOX_URL" | "CAMS_SANDBOX_ACCESS_KEY_ID" | "CAMS_SANDBOX_ACCESS_KEY_SECRET">): { url: string; accessKeyId: string; secret: string } | null {
  if (e.CAMS_SANDBOX_LINK !== "1" || !e.CAMS_SANDBOX_URL || !e.CAMS_SANDBOX_ACCESS_KEY_ID || !e.CAMS_SANDBOX_ACCESS_KEY_SECRET) return null;
  return { url: e.CAMS_SANDBOX_URL, accessKeyId: e.CAMS_SANDBOX_ACCESS_KEY_ID, secret: e.CAMS_SANDBOX_ACCESS_KEY_SECRET };
}

/** Creates (or refreshes) the "Sandbox" account and one space per sandbox space. */
export async function ensureSandboxAccount(url: string, accessKeyId: string, secret: string): Promise<void> {
  const db = getDb();
  const endpoint = new URL(url).host;
  const [existing] = await db.select().from(cloudAccounts).where(eq(cloudAccounts.isSandbox, true));
  let accountId: string;
  if (existing) {
    accountId = existing.id;
    await db
      .update(cloudAccounts)
      .set({ accessKeyId, accessKeySecretEnc: encryptSecret(secret, { table: "cloud_accounts", id: accountId }), endpoint, protocol: "HTTP" })
      .where(eq(cloudAccounts.id, accountId));
  } else {
    accountId = crypto.randomUUID();
    await db
      .insert(cloudAccounts)
      .values({ id: accountId, name: "Sandbox", accessKeyId, accessKeySecretEnc: encryptSecret(secret, { table: "cloud_accounts", id: accountId }), endpoint, protocol: "HTTP", isSandbox: true });
  }
  const res = await fetch(new URL("/_sandbox/spaces", url), { headers: sandboxControlHeaders(), signal: AbortSignal.timeout(5000) });
  if (!res.ok) throw new Error(`sandbox answered ${res.status}`);
  const list = (await res.json()) as { custSpaceId: string; name?: string }[];
  const have = new Set(
    (await db.select({ c: spaces.custSpaceId }).from(spaces).where(eq(spaces.accountId, accountId))).map((r) => r.c),
  );
  const missing = list.filter((s) => !have.has(s.custSpaceId));
  if (missing.length) {
    await db
      .insert(spaces)
      .values(missing.map((s) => ({ name: s.name || s.custSpaceId, custSpaceId: s.custSpaceId, accountId })))
      .onConflictDoNothing();
  }
}
