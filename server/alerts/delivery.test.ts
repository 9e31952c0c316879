import { createHmac, timingSafeEqual } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { eq } from "drizzle-orm";
import pino from "pino";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.ENCRYPTION_KEY = Buffer.alloc(32, 11).toString("base64");
  process.env.ENCRYPTION_KEY_ID = "v1";
  process.env.APP_URL = "https://cams.example.test";
});
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => undefined, set: () => undefined }),
  headers: async () => new Headers(),
}));

const { session, withRoles } = await import("@/server/test-support");
const { testEngines } = await import("@/server/db/test-db");
const { alertChannels, alertDeliveries, auditEvents, notifications, numberEvents, smtpSettings, user } = await import("@/server/db/schema");
const { raiseAlerts } = await import("./rules");
const { deliverDue, BACKOFF_MS, MAX_ATTEMPTS } = await import("./delivery");
const { saveAlertChannelAction, rotateAlertWebhookSecretAction, saveSmtpSettingsAction, sendTestEmailAction } = await import("@/server/actions/alert-channels");
const { deliveryLog, listAlertChannels } = await import("@/server/data/alert-channels");
const { smtpSettingsDto } = await import("./smtp-settings");
const { setSetting, SETTING } = await import("@/server/data/settings");
const { reencryptAllSecrets } = await import("@/server/data/rotate");
const { decryptWith, loadKeyring } = await import("@/server/crypto");
const { machineAddress } = await import("@/e2e/helpers/machine-address");
const { startSmtp } = await import("@/e2e/helpers/smtp");

/** Loopback is never reached: the webhook receiver listens on this machine's non-loopback address. */
const HOST = machineAddress();
const allowHost = (ports: number[] = []) => setSetting(SETTING.allowedPrivateNetworks, [{ cidr: `${HOST}/32`, ports }]);

const PASSWORD = "smtp-pa55-0f9c2b7e-never-shown";

const startMailServer = () => startSmtp({ login: { username: "alerts", password: PASSWORD } });

/** A webhook receiver on this machine's address, answering with the given statuses in turn (then 200). */
async function startReceiver() {
  const got: { headers: http.IncomingHttpHeaders; body: string; at: number }[] = [];
  const answers: number[] = [];
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString("utf8")));
    req.on("end", () => {
      got.push({ headers: req.headers, body, at: Date.now() });
      res.statusCode = answers.shift() ?? 200;
      res.end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, HOST, resolve));
  const port = (server.address() as AddressInfo).port;
  const url = `http://${HOST}:${port}/hook`;
  return { url, port, got, answers, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** The receiver's side, written independently of server/alerts/webhook.ts. */
function verify(secret: string, headers: http.IncomingHttpHeaders, body: string): boolean {
  const ts = String(headers["x-cams-admin-timestamp"] ?? "");
  const sig = String(headers["x-cams-admin-signature"] ?? "");
  const want = Buffer.from(`sha256=${createHmac("sha256", secret).update(`${ts}.${body}`).digest("hex")}`);
  return sig.length === want.length && timingSafeEqual(Buffer.from(sig), want);
}

describe.each(testEngines())("alert delivery by e-mail and signed webhook (real SMTP server, loopback receiver) on %s", (engine) => {
  const { database, f } = withRoles(engine);
  let smtp: Awaited<ReturnType<typeof startMailServer>>;
  let rx: Awaited<ReturnType<typeof startReceiver>>;
  let secret: string;
  let logOut = "";
  const phone = "8613800001111";

  /** One observed quality drop in space A, raised as the sweep does (in one transaction). */
  async function qualityDrop(from = "GREEN", to = "RED"): Promise<number> {
    return database.db.transaction(async (tx) => {
      const [e] = await tx
        .insert(numberEvents)
        .values({ spaceId: f.spaceId, phoneNumber: phone, field: "qualityRating", oldValue: from, newValue: to, observedAt: new Date("2026-03-04T05:06:07Z"), via: "sweep", source: "cams" })
        .returning();
      await raiseAlerts(tx, f.spaceId, [e!]);
      const [n] = await tx.select({ id: notifications.id }).from(notifications).where(eq(notifications.numberEventId, e!.id));
      return n!.id;
    });
  }
  const deliveriesOf = (notificationId: number) => database.db.select().from(alertDeliveries).where(eq(alertDeliveries.notificationId, notificationId)).orderBy(alertDeliveries.id);
  /** Makes every pending row due now (instead of waiting out the backoff). */
  const fastForward = () => database.db.update(alertDeliveries).set({ nextAttemptAt: new Date(Date.now() - 1000) }).where(eq(alertDeliveries.status, "pending"));
  async function drain() {
    while ((await deliverDue(database.db)) > 0);
  }

  beforeAll(async () => {
    await database.db.update(user).set({ locale: "zh-CN" }).where(eq(user.id, f.operator.id));
    smtp = await startMailServer();
    rx = await startReceiver();
    // Everything the app logs during these tests, at the most verbose level.
    const sink = new Writable({
      write(chunk, _enc, cb) {
        logOut += String(chunk);
        cb();
      },
    });
    (globalThis as unknown as { __camsLogger?: pino.Logger }).__camsLogger = pino({ level: "trace" }, sink);
    session.user = f.admin;
    const saved = await saveSmtpSettingsAction({ host: "127.0.0.1", port: smtp.port, tlsMode: "none", username: "alerts", password: PASSWORD, sender: "alerts@cams.example.test" });
    expect(saved.data).toEqual({ ok: true });
    await allowHost();
    const ch = await saveAlertChannelAction({ spaceId: null, kind: "qualityDropped", emailUserIds: [f.operator.id], emailAddresses: ["Ops@Example.com"], webhookUrl: rx.url });
    secret = ch.data!.secret!;
    expect(secret).toMatch(/^whsec_/);
    // Shown once: saving the same channels again keeps the secret and does not return it.
    const again = await saveAlertChannelAction({ spaceId: null, kind: "qualityDropped", emailUserIds: [f.operator.id], emailAddresses: ["ops@example.com"], webhookUrl: rx.url });
    expect(again.data).toEqual({ secret: null });
  });
  afterEach(async () => {
    rx.answers.length = 0;
  });
  afterAll(async () => {
    await smtp?.close();
    await rx?.close();
    delete (globalThis as unknown as { __camsLogger?: pino.Logger }).__camsLogger;
  });

  it("a raised alert queues one delivery per target in the sweep's transaction; the mail arrives in each recipient's language", async () => {
    const n = await qualityDrop();
    const queued = await deliveriesOf(n);
    expect(queued.map((d) => [d.channel, d.status, d.attempts])).toEqual([
      ["email", "pending", 0],
      ["email", "pending", 0],
      ["webhook", "pending", 0],
    ]);
    await drain();
    expect((await deliveriesOf(n)).map((d) => [d.channel, d.status, d.attempts])).toEqual([
      ["email", "ok", 1],
      ["email", "ok", 1],
      ["webhook", "ok", 1],
    ]);
    const zh = smtp.mails.find((m) => m.to === f.operator.email)!;
    const en = smtp.mails.find((m) => m.to === "ops@example.com")!;
    expect(en.subject).toBe(`[CAMS Admin] Quality dropped: ${phone} (Space A)`);
    expect(en.text).toContain("Change: GREEN → RED");
    expect(en.text).toContain("Field: qualityRating");
    expect(en.text).toContain("Space: Space A");
    expect(en.text).toContain("Mar 4, 2026");
    expect(en.text).toContain(`https://cams.example.test/s/${f.spaceId}/phone-numbers/${phone}/history`);
    expect(zh.subject).toBe(`[CAMS Admin] 质量下降：${phone}（Space A）`);
    expect(zh.text).toContain("变化：GREEN → RED");
    expect(zh.text).toContain(`/s/${f.spaceId}/phone-numbers/${phone}/history`);
  });

  it("the webhook carries the alert, signed over timestamp and raw body; a tampered body does not verify", async () => {
    const last = rx.got.at(-1)!;
    expect(JSON.parse(last.body)).toMatchObject({ kind: "qualityDropped", state: "alert", spaceId: f.spaceId, spaceName: "Space A", phoneNumber: phone, field: "qualityRating", oldValue: "GREEN", newValue: "RED", observedAt: "2026-03-04T05:06:07.000Z" });
    const ts = Number(last.headers["x-cams-admin-timestamp"]);
    expect(Math.abs(ts - Date.now() / 1000)).toBeLessThan(60);
    expect(verify(secret, last.headers, last.body)).toBe(true);
    expect(verify(secret, last.headers, last.body.replace("RED", "GREEN"))).toBe(false);
    expect(verify("whsec_wrong", last.headers, last.body)).toBe(false);
    // A rotated secret signs from then on; the old one no longer verifies.
    const rotated = (await rotateAlertWebhookSecretAction({ spaceId: null, kind: "qualityDropped" })).data!.secret;
    const n = await qualityDrop("YELLOW", "RED");
    await drain();
    const again = rx.got.at(-1)!;
    expect(JSON.parse(again.body).id).toBe(String(n));
    expect(verify(rotated, again.headers, again.body)).toBe(true);
    expect(verify(secret, again.headers, again.body)).toBe(false);
    secret = rotated;
  });

  it("a receiver answering 500 twice then 200: three attempts, ok, each wait longer than the last", async () => {
    rx.answers.push(500, 500);
    const n = await qualityDrop();
    const waits: number[] = [];
    const webhookRow = async () => (await deliveriesOf(n)).find((d) => d.channel === "webhook")!;
    for (let i = 0; i < 3; i++) {
      const before = Date.now();
      await drain();
      const d = await webhookRow();
      if (d.status === "pending") {
        waits.push(d.nextAttemptAt.getTime() - before);
        expect(d.lastError).toBe("HTTP 500");
        expect(d.httpStatus).toBe(500);
      }
      await fastForward();
    }
    const d = await webhookRow();
    expect([d.status, d.attempts, d.httpStatus, d.lastError]).toEqual(["ok", 3, 200, null]);
    expect(d.latencyMs).toBeGreaterThanOrEqual(0);
    expect(waits).toHaveLength(2);
    expect(waits[0]).toBeGreaterThan(BACKOFF_MS[0] - 2000);
    expect(waits[1]).toBeGreaterThan(waits[0]! * 2);
  });

  it("a dead SMTP port: mail fails after the last attempt, the webhook is delivered at once; the log marks e-mail failing", async () => {
    const dead = http.createServer();
    await new Promise<void>((resolve) => dead.listen(0, "127.0.0.1", resolve));
    const deadPort = (dead.address() as AddressInfo).port;
    await new Promise<void>((resolve) => dead.close(() => resolve()));
    await database.db.update(smtpSettings).set({ port: deadPort });
    const n = await qualityDrop();
    await drain();
    expect((await deliveriesOf(n)).find((d) => d.channel === "webhook")).toMatchObject({ status: "ok", attempts: 1 });
    for (let i = 1; i < MAX_ATTEMPTS + 2; i++) {
      await fastForward();
      await drain();
    }
    const mails = (await deliveriesOf(n)).filter((d) => d.channel === "email");
    expect(mails.map((d) => [d.status, d.attempts])).toEqual([
      ["failed", MAX_ATTEMPTS],
      ["failed", MAX_ATTEMPTS],
    ]);
    expect(mails[0]!.lastError).toMatch(/ECONNREFUSED|ESOCKET|ECONNECTION/);
    const log = await deliveryLog(database.db);
    expect(log.failingStreak.email).toBeGreaterThanOrEqual(2);
    expect(log.failingStreak.webhook).toBe(0);
    expect(log.webhook[0]).toMatchObject({ status: "ok", attempts: 1 });
    expect(log.email.some((r) => r.target === f.operator.email)).toBe(true);
    await database.db.update(smtpSettings).set({ port: smtp.port });
  });

  it("the SSRF guard of the test delivery: a private receiver is refused outside the allowed networks or on a port not listed", async () => {
    await setSetting(SETTING.allowedPrivateNetworks, []);
    const before = rx.got.length;
    const n = await qualityDrop();
    const webhookRow = async () => (await deliveriesOf(n)).find((x) => x.channel === "webhook")!;
    await drain();
    expect([(await webhookRow()).status, (await webhookRow()).lastError]).toEqual(["pending", "refused: blocked (reserved, not in the allowed networks)"]);
    await allowHost([rx.port === 65535 ? 1 : rx.port + 1]);
    await fastForward();
    await drain();
    expect([(await webhookRow()).status, (await webhookRow()).lastError]).toEqual(["pending", `refused: blocked (reserved, port ${rx.port} not listed)`]);
    expect(rx.got.length).toBe(before);
    await allowHost([rx.port]);
    await fastForward();
    await drain();
    expect((await webhookRow()).status).toBe("ok");
    expect(rx.got.length).toBe(before + 1);
    await allowHost();
  });

  it("a loopback receiver is refused even with 127.0.0.0/8 stored (past the form's schema)", async () => {
    const lo = http.createServer((_req, res) => res.end("ok"));
    await new Promise<void>((resolve) => lo.listen(0, "127.0.0.1", resolve));
    let reached = 0;
    lo.on("request", () => reached++);
    const loUrl = `http://127.0.0.1:${(lo.address() as AddressInfo).port}/hook`;
    try {
      await setSetting(SETTING.allowedPrivateNetworks, [{ cidr: "127.0.0.0/8", ports: [] }]);
      const [c] = await database.db.select().from(alertChannels);
      await database.db.update(alertChannels).set({ webhookUrl: loUrl }).where(eq(alertChannels.id, c!.id));
      const n = await qualityDrop();
      await drain();
      const d = (await deliveriesOf(n)).find((x) => x.channel === "webhook")!;
      expect([d.status, d.lastError]).toEqual(["pending", "refused: blocked (loopback)"]);
      expect(reached).toBe(0);
      await database.db.update(alertChannels).set({ webhookUrl: rx.url }).where(eq(alertChannels.id, c!.id));
      // Leave nothing due for the tests after this one.
      await database.db.update(alertDeliveries).set({ status: "failed" }).where(eq(alertDeliveries.id, d.id));
    } finally {
      await allowHost();
      await new Promise((resolve) => lo.close(resolve));
    }
  });

  it("the test e-mail goes through the stored settings; the SMTP password never shows in results, DTOs, the audit log or the logs", async () => {
    const test = await sendTestEmailAction({ to: "check@example.com" });
    expect(test.data).toEqual({ ok: true });
    expect(smtp.mails.at(-1)).toMatchObject({ to: "check@example.com", subject: "[CAMS Admin] Test e-mail" });
    // The password reached the SMTP server (it is used), and nowhere else.
    expect(smtp.logins).toContain(`alerts:${PASSWORD}`);
    // Saving again with an empty password keeps the stored one.
    const kept = await saveSmtpSettingsAction({ host: "127.0.0.1", port: smtp.port, tlsMode: "none", username: "alerts", password: "", sender: "alerts@cams.example.test" });
    expect((await sendTestEmailAction({ to: "check2@example.com" })).data).toEqual({ ok: true });
    const dto = await smtpSettingsDto(database.db);
    expect(dto).toMatchObject({ host: "127.0.0.1", username: "alerts", hasPassword: true });
    const stored = (await database.db.select().from(smtpSettings))[0]!;
    expect(stored.passwordEnc).not.toContain(PASSWORD);
    const audits = await database.db.select().from(auditEvents);
    expect(audits.map((a) => a.operation)).toEqual(expect.arrayContaining(["alerts.setSmtp", "alerts.setChannels", "alerts.rotateWebhookSecret", "alerts.testEmail"]));
    const everything = JSON.stringify([test, kept, dto, await listAlertChannels(database.db), await deliveryLog(database.db), audits]) + logOut;
    expect(everything).not.toContain(PASSWORD);
    expect(everything).not.toContain(secret);
    // Only admins set channels and SMTP.
    session.user = f.operator;
    expect((await saveSmtpSettingsAction({ host: "x", port: 25, tlsMode: "none", username: "", password: "", sender: "a@b.co" })).serverError?.httpStatus).toBe(403);
    expect((await saveAlertChannelAction({ spaceId: null, kind: "drift", emailUserIds: [], emailAddresses: [], webhookUrl: "" })).serverError?.httpStatus).toBe(403);
    session.user = f.admin;
  });

  it("rotate-key re-encrypts the SMTP password and the webhook secret under a new key; both still work", async () => {
    const v1 = Buffer.alloc(32, 11).toString("base64");
    const next = loadKeyring(fs.mkdtempSync(path.join(os.tmpdir(), "rotate-")), { key: Buffer.alloc(32, 22).toString("base64"), keyId: "v2", oldKeys: `v1:${v1}` });
    const { rotated, unreadable } = await reencryptAllSecrets(database.db, next);
    expect(unreadable).toEqual([]);
    expect(rotated).toBe(2);
    expect((await database.db.select().from(smtpSettings))[0]!.passwordEnc!.startsWith("v2:")).toBe(true);
    expect((await database.db.select().from(alertChannels))[0]!.webhookSecretEnc!.startsWith("v2:")).toBe(true);
    expect(decryptWith(next, (await database.db.select().from(smtpSettings))[0]!.passwordEnc!, { table: "smtp_settings", id: "default" })).toBe(PASSWORD);
  });
});
