import "server-only";
import os from "node:os";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/server/db";
import type { Db } from "@/server/db/connect";
import { alertChannels, alertDeliveries, user } from "@/server/db/schema";
import { decryptSecret } from "@/server/crypto";
import { appUrlOf } from "@/server/auth/origins";
import { env } from "@/lib/env";
import type { TestDeliveryOutcome } from "@/lib/schemas/webhooks";
import { allowedPrivateNetworks } from "@/server/data/webhooks";
import { createWaker } from "@/server/jobs/waker";
import { getLogger } from "@/server/logger";
import { alertDetail } from "./detail";
import { composeAlertMail, localeOf, sendMail } from "./email";
import { readSmtpConfig } from "./smtp-settings";
import { postAlertWebhook } from "./webhook";

/**
 * The alert delivery worker: every app instance runs one; they share alert_deliveries only.
 * Due rows are claimed FOR UPDATE SKIP LOCKED under a lease, sent, and either done (ok), given a
 * later try (exponential backoff), or failed after MAX_ATTEMPTS. Each row stands alone, so a dead
 * mail server only delays mail: webhooks (and the sweep that queued both) never wait on it.
 */
export const BACKOFF_MS = [30_000, 120_000, 600_000, 3_600_000] as const;
export const MAX_ATTEMPTS = 5;
const LEASE_MS = 60_000;

export interface ClaimedDelivery {
  id: number;
  notificationId: number;
  channelId: string | null;
  channel: string;
  target: string;
  attempts: number;
}

type Row = Record<string, unknown>;

/** Takes up to `limit` due deliveries (oldest first) and counts the attempt. */
export async function claimDeliveries(db: Db, limit: number): Promise<ClaimedDelivery[]> {
  const r = await db.execute(sql`
    WITH picked AS (
      SELECT id FROM alert_deliveries
      WHERE status = 'pending' AND next_attempt_at <= now() AND (lease_until IS NULL OR lease_until < now())
      ORDER BY next_attempt_at, id
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    UPDATE alert_deliveries AS d
    SET lease_until = now() + ${LEASE_MS} * interval '1 millisecond', attempts = d.attempts + 1, updated_at = now()
    FROM picked WHERE d.id = picked.id
    RETURNING d.id, d.notification_id, d.channel_id, d.channel, d.target, d.attempts`);
  return (r as unknown as { rows: Row[] }).rows.map((x) => ({
    id: Number(x.id),
    notificationId: Number(x.notification_id),
    channelId: x.channel_id === null ? null : String(x.channel_id),
    channel: String(x.channel),
    target: String(x.target),
    attempts: Number(x.attempts),
  }));
}

interface Outcome {
  ok: boolean;
  error?: string;
  httpStatus?: number;
  latencyMs: number;
}

async function emailTo(db: Db, target: string): Promise<{ address: string; locale: string | null } | null> {
  if (!target.startsWith("user:")) return { address: target, locale: null };
  const [u] = await db.select({ email: user.email, locale: user.locale, disabled: user.disabled }).from(user).where(eq(user.id, target.slice(5)));
  return u && !u.disabled ? { address: u.email, locale: u.locale } : null;
}

/** "refused: blocked (private, not in the allowed networks)", as the delivery log shows it. */
function refusalText(out: Extract<TestDeliveryOutcome, { kind: "refused" }>): string {
  if (!out.range) return `refused: ${out.reason}`;
  const why = out.rule === "notListed" ? ", not in the allowed networks" : out.rule === "port" ? `, port ${out.port} not listed` : "";
  return `refused: ${out.reason} (${out.range}${why})`;
}

/** One attempt at one delivery; what went wrong is returned, never thrown. */
export async function attempt(db: Db, d: ClaimedDelivery): Promise<Outcome> {
  const started = performance.now();
  const took = () => Math.round(performance.now() - started);
  try {
    const detail = await alertDetail(db, d.notificationId);
    if (!detail) return { ok: false, error: "notification gone", latencyMs: took() };
    if (d.channel === "email") {
      const smtp = await readSmtpConfig(db);
      if (!smtp) return { ok: false, error: "SMTP not configured", latencyMs: took() };
      const to = await emailTo(db, d.target);
      if (!to) return { ok: false, error: "recipient gone", latencyMs: took() };
      await sendMail(smtp, to.address, composeAlertMail(detail, localeOf(to.locale), appUrlOf(env)));
      return { ok: true, latencyMs: took() };
    }
    const [c] = d.channelId ? await db.select().from(alertChannels).where(eq(alertChannels.id, d.channelId)) : [];
    if (!c?.webhookSecretEnc || c.webhookUrl !== d.target) return { ok: false, error: "webhook removed", latencyMs: took() };
    const secret = decryptSecret(c.webhookSecretEnc, { table: "alert_channels", id: c.id });
    const out = await postAlertWebhook({ url: d.target, secret, detail, allowedNetworks: await allowedPrivateNetworks() });
    if (out.kind === "answered") {
      const ok = out.status >= 200 && out.status < 300;
      return { ok, httpStatus: out.status, latencyMs: out.durationMs, ...(ok ? {} : { error: `HTTP ${out.status}` }) };
    }
    if (out.kind === "refused") return { ok: false, error: refusalText(out), latencyMs: took() };
    return { ok: false, error: `${out.reason}: ${out.detail}`, latencyMs: out.durationMs };
  } catch (err) {
    // SMTP answers and socket errors; nodemailer's messages never carry the password.
    const e = err as { code?: string; responseCode?: number; message?: string };
    return { ok: false, error: [e.code, e.responseCode, e.message].filter(Boolean).join(" ").slice(0, 300) || "error", latencyMs: took() };
  }
}

/** Records one attempt: ok, another try after the backoff, or failed for good. */
export async function settle(db: Db, d: ClaimedDelivery, o: Outcome): Promise<void> {
  const base = { leaseUntil: null, latencyMs: o.latencyMs, httpStatus: o.httpStatus ?? null, updatedAt: new Date() };
  if (o.ok) {
    await db.update(alertDeliveries).set({ ...base, status: "ok", lastError: null, deliveredAt: new Date() }).where(eq(alertDeliveries.id, d.id));
    return;
  }
  const last = d.attempts >= MAX_ATTEMPTS;
  const wait = BACKOFF_MS[Math.min(d.attempts - 1, BACKOFF_MS.length - 1)]!;
  await db
    .update(alertDeliveries)
    .set({ ...base, status: last ? "failed" : "pending", lastError: o.error ?? "error", nextAttemptAt: last ? sql`next_attempt_at` : new Date(Date.now() + wait) })
    .where(eq(alertDeliveries.id, d.id));
}

/** Claims and sends what is due, `concurrency` at a time; the number attempted. */
export async function deliverDue(db: Db = getDb(), concurrency = 4): Promise<number> {
  const claimed = await claimDeliveries(db, concurrency);
  await Promise.all(claimed.map(async (d) => settle(db, d, await attempt(db, d))));
  return claimed.length;
}

export interface DeliveryWorker {
  readonly id: string;
  start(): void;
  stop(): Promise<void>;
  wake(): void;
}

export function createDeliveryWorker(opts: { pollMs?: number; concurrency?: number } = {}): DeliveryWorker {
  const pollMs = opts.pollMs ?? 2_000;
  const id = `${os.hostname()}:${process.pid}:alerts`;
  const log = getLogger().child({ component: "alerts", worker: id });
  const { sleep, wake } = createWaker();
  let running = false;
  let loopDone: Promise<void> = Promise.resolve();
  async function loop() {
    while (running) {
      let n = 0;
      try {
        n = await deliverDue(getDb(), opts.concurrency ?? 4);
      } catch (err) {
        log.warn({ err: { message: (err as Error)?.message } }, "alert deliveries not claimed");
      }
      if (running && n === 0) await sleep(pollMs);
    }
  }
  return {
    id,
    start() {
      if (running) return;
      running = true;
      loopDone = loop();
      log.info({ pollMs }, "alert delivery started");
    },
    async stop() {
      running = false;
      wake();
      await loopDone;
    },
    wake,
  };
}

const g = globalThis as unknown as { __camsDeliveryWorker?: DeliveryWorker };

/** Starts this process's delivery worker once (server boot). */
export function startDeliveryWorker(): DeliveryWorker {
  if (!g.__camsDeliveryWorker) {
    g.__camsDeliveryWorker = createDeliveryWorker();
    g.__camsDeliveryWorker.start();
  }
  return g.__camsDeliveryWorker;
}
