/**
 * Load: N signed-in users for D seconds on one app instance against the CAMS sandbox, mixed page
 * loads, JSON reads and changes (server actions over HTTP). Prints requests answered, errors
 * (expected vs unexpected), p50/p95/max latency per request kind, audit events written vs changes
 * made, CAMS calls the sandbox saw, and the server's RSS.
 *
 *   node --conditions=react-server --import tsx bench/load/index.ts [--users 50] [--duration 60]
 *        [--think 500-1500] [--port 3400] [--dist .next-3400] [--keep] [--postgres]
 *
 * BENCH_APP_NODE_ARGS: options for the app server's own Node (e.g. `--cpu-prof --cpu-prof-dir=/tmp/p`
 * or a heap limit), not the bench's or the sandbox's.
 *
 * `--postgres`: the app on a throwaway PostgreSQL database (made on BENCH_DATABASE_URL, else
 * DATABASE_URL_TEST, else postgres://postgres@127.0.0.1:5432/test, and dropped after) instead of
 * the embedded PGlite.
 *
 * Needs a production build in the dist folder (`NEXT_DIST_DIR=.next-3400 next build`); builds it
 * when missing. See bench/load/README.md.
 */
import { generateKeyPairSync } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import type { PhoneNumberRow, AllSpacesResponse } from "@/lib/schemas/phone-numbers";
import { connectDatabase } from "@/server/db/connect";
import { createThrowawayDatabase } from "@/server/db/test-db";
import { percentile } from "../phone-list/measure";
import { loadActionIds, networkCause, resentGetCount, setupToken, UserAgent, type ActionReply } from "./http";
import { ensureBuild, startLoadStack } from "./stack";
import { markdownTable, Stats, type Verdict } from "./stats";

const { values: args } = parseArgs({
  options: {
    users: { type: "string", default: "50" },
    duration: { type: "string", default: "60" },
    think: { type: "string", default: "500-1500" },
    port: { type: "string", default: "3400" },
    dist: { type: "string", default: ".next-3400" },
    /** Keep the data directory (database, servers.log) after the run. */
    keep: { type: "boolean", default: false },
    /** The app on a throwaway PostgreSQL database instead of PGlite. */
    postgres: { type: "boolean", default: false },
  },
});
const PG_BASE = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL_TEST ?? "postgres://postgres@127.0.0.1:5432/test";
const ENGINE = args.postgres ? "PostgreSQL" : "PGlite";

/** `--postgres`: a fresh database for this run; its URL and how to drop it. */
async function throwawayDatabase(): Promise<{ url: string; drop: () => Promise<void> } | null> {
  return args.postgres ? createThrowawayDatabase(PG_BASE, "cams_bench_load") : null;
}
const USERS = Math.min(500, Math.max(2, Number(args.users)));
const DURATION_S = Math.min(3600, Math.max(5, Number(args.duration)));
const [THINK_MIN, THINK_MAX = THINK_MIN] = args.think.split("-").map((v) => Math.max(0, Number(v) || 0)) as [number, number?];
const PASSWORD = "load-bench-password-1";
/** Per virtual user, whatever the think time: a loop that cannot run away. */
const MAX_ITERATIONS = DURATION_S * 50;

/** Audit operations of the setup before the timed run (sign-ins are audited too): listed apart, not compared with changes. */
const BEFORE_RUN = new Set(["setup.createFirstAdmin", "users.create", "auth.signIn"]);

/** Errors the app explains by design under load: the account's CAMS budget is full (the 429 sign-in throttle is judged apart). */
const EXPECTED_CODES = new Set(["RateLimit.QueueFull", "System.LimitControl"]);

interface Space {
  id: string;
  name: string;
  /** Verified numbers: the ones every change can be made on. */
  phones: string[];
}

type Role = "admin" | "operator" | "viewer";
interface Vu {
  n: number;
  email: string;
  role: Role;
  spaces: Space[];
  agent: UserAgent;
  /** QR codes this user created and has not deleted, by phone. */
  codes: { space: Space; phone: string; code: string }[];
}

const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)]!;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const sinceMs = (t: number) => performance.now() - t;

// ---- the application's server actions, called over HTTP ----

type ActionName =
  | "setup.createFirstAdminAction"
  | "users.createUserAction"
  | "webhooks.updatePhoneWebhookAction"
  | "qr-codes.createQrCodeAction"
  | "qr-codes.updateQrCodeAction"
  | "qr-codes.deleteQrCodeAction"
  | "encryption-keys.updateEncryptionKeyAction";

/** The audit operation each change writes (server/actions/*.ts). */
const AUDITED_AS: Partial<Record<ActionName, string>> = {
  "webhooks.updatePhoneWebhookAction": "webhooks.updatePhone",
  "qr-codes.createQrCodeAction": "qrCodes.create",
  "qr-codes.updateQrCodeAction": "qrCodes.update",
  "qr-codes.deleteQrCodeAction": "qrCodes.delete",
  "encryption-keys.updateEncryptionKeyAction": "encryptionKeys.update",
};

class Actions {
  private readonly ids: ReturnType<typeof loadActionIds>;

  constructor(distDir: string) {
    this.ids = loadActionIds(distDir);
  }

  /** The URL of a page that runs the action (the one its form is on), with the route params filled in. */
  call(agent: UserAgent, name: ActionName, input: Record<string, unknown>, params: { space?: string; phone?: string } = {}): Promise<ActionReply> {
    const entry = this.ids.get(name);
    if (!entry) throw new Error(`${name} is not in the build's server-reference manifest`);
    const fill = (page: string) =>
      page
        .replace(/^app/, "")
        .replace(/\/page$/, "")
        .replace(/\/\([^)]+\)/g, "")
        .replace("[space]", params.space ?? "[space]")
        .replace("[phone]", params.phone ?? "[phone]");
    const url = entry.pages.map(fill).find((u) => !u.includes("[")) ?? "/";
    return agent.action(url || "/", entry.id, input);
  }
}

// ---- verdicts ----

async function judgeJson(res: Response, shape: (body: Record<string, unknown>) => boolean): Promise<[Verdict, string]> {
  const text = await res.text();
  let body: Record<string, unknown> | null = null;
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    /* judged below */
  }
  if (res.status === 200 && body && shape(body)) return ["ok", ""];
  if (res.status === 502 && typeof body?.code === "string" && EXPECTED_CODES.has(body.code)) return ["expected", body.code];
  return ["unexpected", `${res.status} ${text.slice(0, 200)}`];
}

async function judgeHtml(res: Response, marker: string): Promise<[Verdict, string]> {
  const text = await res.text();
  const html = res.headers.get("content-type")?.startsWith("text/html");
  // A server component that throws after the shell was sent still answers 200: its digest is in the payload.
  const digest = text.includes('\\"digest\\"');
  if (res.status === 200 && html && text.includes(marker) && text.includes("</html>") && !digest) return ["ok", ""];
  const what = !html ? text.slice(0, 200) : digest ? "error digest in the streamed page" : `no ${JSON.stringify(marker)} or </html>`;
  return ["unexpected", `${res.status} ${res.headers.get("location") ?? ""} ${what}`];
}

function judgeAction(r: ActionReply): [Verdict, string] {
  if (r.status === 200 && r.result?.data !== undefined && r.result.data !== "$undefined") return ["ok", ""];
  const e = r.result?.serverError;
  if (r.status === 200 && e?.code && EXPECTED_CODES.has(e.code)) return ["expected", e.code];
  return ["unexpected", `${r.status} ${e ? JSON.stringify(e) : r.result?.validationErrors ? `validation ${JSON.stringify(r.result.validationErrors)}` : r.text.slice(0, 200)}`];
}

// ---- the run ----

interface Changes {
  /** Change requests sent, by audit operation. */
  sent: Map<string, number>;
  /** Answered with data (audited "ok") or a server error (audited "error"), by operation. */
  answered: Map<string, { ok: number; error: number }>;
}

function makeScenario(actions: Actions, stats: Stats, signInStats: Stats, changes: Changes, keys: string[]) {
  const timed = async (kind: string, fn: () => Promise<[Verdict, string]>, into = stats) => {
    const t = performance.now();
    try {
      const [verdict, detail] = await fn();
      into.record(kind, verdict, sinceMs(t), detail);
      return verdict;
    } catch (e) {
      into.record(kind, "unexpected", sinceMs(t), `network: ${(e as Error).message} ${networkCause(e)}`);
      return "unexpected" as const;
    }
  };
  const change = async (vu: Vu, kind: string, name: ActionName, input: Record<string, unknown>, params: { space: string; phone: string }) => {
    const op = AUDITED_AS[name]!;
    changes.sent.set(op, (changes.sent.get(op) ?? 0) + 1);
    let reply: ActionReply | null = null;
    await timed(kind, async () => {
      reply = await actions.call(vu.agent, name, input, params);
      return judgeAction(reply);
    });
    const r = reply as ActionReply | null;
    if (r?.status === 200 && r.result && (r.result.data !== undefined || r.result.serverError)) {
      const a = changes.answered.get(op) ?? { ok: 0, error: 0 };
      if (r.result.serverError) a.error++;
      else a.ok++;
      changes.answered.set(op, a);
    }
    return r?.result?.data as Record<string, unknown> | undefined;
  };

  type Judge = (res: Response, phone: string) => Promise<[Verdict, string]>;
  const page = (marker: (phone: string) => string): Judge => (res, phone) => judgeHtml(res, marker(phone));
  const json = (shape: (body: Record<string, unknown>, phone: string) => boolean): Judge => (res, phone) => judgeJson(res, (b) => shape(b, phone));
  const isObject = json(() => true);
  /** Page loads and the JSON route handlers TanStack Query calls: [kind, URL, verdict]. */
  const reads: [string, (s: Space, phone: string) => string, Judge][] = [
    ["page: phone list", (s) => `/s/${s.id}/phone-numbers`, page(() => "Phone numbers")],
    ["page: number", (s, p) => `/s/${s.id}/phone-numbers/${p}`, page((p) => p)],
    ["page: QR codes", (s) => `/s/${s.id}/qr-codes`, page(() => "QR codes")],
    ["page: webhooks", (s) => `/s/${s.id}/webhooks`, page(() => "Webhooks")],
    ["api: phone list", (s) => `/api/spaces/${s.id}/phone-numbers`, json((b) => Array.isArray(b.numbers))],
    ["api: number", (s, p) => `/api/spaces/${s.id}/phone-numbers/${p}`, json((b, p) => b.phoneNumber === p)],
    ["api: metrics", (s, p) => `/api/spaces/${s.id}/phone-numbers/${p}/metrics`, isObject],
    ["api: QR codes", (s, p) => `/api/spaces/${s.id}/qr-codes/${p}`, json((b) => Array.isArray(b.codes))],
    ["api: webhooks", (s) => `/api/spaces/${s.id}/webhooks`, json((b) => Array.isArray(b.numbers))],
    ["api: number webhook", (s, p) => `/api/spaces/${s.id}/webhooks/${p}`, isObject],
    ["api: encryption key", (s, p) => `/api/spaces/${s.id}/encryption-keys/${p}`, isObject],
  ];
  /** The audit log: for admins and operators only. */
  const auditPage: (typeof reads)[number] = ["page: audit", () => "/audit", page(() => "Audit log")];
  const read = (vu: Vu, [kind, url, judge]: (typeof reads)[number], s: Space, p: string) =>
    timed(kind, async () => judge(await vu.agent.request(url(s, p)), p));

  const writes: ((vu: Vu, s: Space, p: string) => Promise<unknown>)[] = [
    (vu, s, p) =>
      change(
        vu,
        "action: webhook update",
        "webhooks.updatePhoneWebhookAction",
        { spaceId: s.id, phoneNumber: p, statusCallbackUrl: `https://hooks.example.com/load/${vu.n}/${Date.now()}`, upCallbackUrl: "", httpFlag: "Y", queueFlag: "N" },
        { space: s.id, phone: p },
      ),
    (vu, s, p) =>
      change(
        vu,
        "action: key update",
        "encryption-keys.updateEncryptionKeyAction",
        { spaceId: s.id, phoneNumber: p, publicKey: pick(keys), origin: "pasted" },
        { space: s.id, phone: p },
      ),
    async (vu, s, p) => {
      // An operator's QR round: create one, edit the oldest, or delete it once there are a few.
      const mine = vu.codes.find((c) => c.space === s);
      if (!mine || (vu.codes.length < 3 && Math.random() < 0.5)) {
        const data = await change(
          vu,
          "action: QR create",
          "qr-codes.createQrCodeAction",
          { spaceId: s.id, phoneNumber: p, prefilledMessage: `Hello from load user ${vu.n}`, generateQrImage: "PNG" },
          { space: s.id, phone: p },
        );
        const code = (data?.code as { qrdlCode?: string } | undefined)?.qrdlCode;
        if (code) vu.codes.push({ space: s, phone: p, code });
        return;
      }
      const i = vu.codes.indexOf(mine);
      if (Math.random() < 0.5) {
        const data = await change(
          vu,
          "action: QR update",
          "qr-codes.updateQrCodeAction",
          { spaceId: s.id, phoneNumber: mine.phone, qrdlCode: mine.code, prefilledMessage: `Edited by load user ${vu.n} at ${Date.now()}`, generateQrImage: "SVG" },
          { space: s.id, phone: mine.phone },
        );
        // CAMS may answer with a new code: that one is the code from now on.
        const code = (data?.code as { qrdlCode?: string } | undefined)?.qrdlCode;
        if (code) vu.codes[i] = { ...mine, code };
      } else {
        const data = await change(
          vu,
          "action: QR delete",
          "qr-codes.deleteQrCodeAction",
          { spaceId: s.id, phoneNumber: mine.phone, qrdlCode: mine.code },
          { space: s.id, phone: mine.phone },
        );
        if (data) vu.codes.splice(i, 1);
      }
    },
  ];

  /** A real sign-in over HTTP (better-auth), retried a few times on the sign-in throttle. */
  const signIn = async (vu: Vu, deadline: number): Promise<void> => {
    for (let attempt = 0; attempt < 10 && !vu.agent.signedIn && Date.now() < deadline; attempt++) {
      const verdict = await timed(
        "sign-in",
        async () => {
          const res = await vu.agent.signIn(vu.email, PASSWORD);
          await res.text();
          if (res.status === 200 && vu.agent.signedIn) return ["ok", ""];
          if (res.status === 429) return ["expected", "429 sign-in throttle"];
          return ["unexpected", `${res.status}`];
        },
        signInStats,
      );
      if (verdict !== "ok") await sleep(1000);
    }
  };

  /** One signed-in user: page loads, reads and (operators, admins) changes until the deadline. */
  const runUser = async (vu: Vu, deadline: number): Promise<void> => {
    if (!vu.agent.signedIn) return;
    for (let i = 0; i < MAX_ITERATIONS && Date.now() < deadline; i++) {
      await sleep(THINK_MIN + Math.random() * (THINK_MAX - THINK_MIN));
      if (Date.now() >= deadline) break;
      const s = pick(vu.spaces);
      const p = pick(s.phones);
      const writer = vu.role !== "viewer";
      const roll = Math.random();
      if (writer && roll < 0.2) await pick(writes)(vu, s, p);
      else if (writer && roll < 0.25) await read(vu, auditPage, s, p);
      else await read(vu, pick(reads), s, p);
    }
  };
  return { signIn, runUser };
}

/** Per CAMS operation during the run: calls, limiter wait and call duration (p50 / p95), from the app's pino log. */
function camsLogTable(logFile: string, since: number): string {
  const byOp = new Map<string, { waited: number[]; duration: number[]; failed: Map<string, number> }>();
  for (const line of fs.readFileSync(logFile, "utf8").split("\n")) {
    if (!line.startsWith("{")) continue;
    let e: { msg?: string; time?: number; operation?: string; waitedMs?: number; durationMs?: number; errorCode?: string; outcome?: string };
    try {
      e = JSON.parse(line) as typeof e;
    } catch {
      continue;
    }
    if ((e.msg !== "cams call" && e.msg !== "cams call failed") || !e.operation || (e.time ?? 0) < since) continue;
    const o = byOp.get(e.operation) ?? { waited: [], duration: [], failed: new Map<string, number>() };
    o.waited.push(e.waitedMs ?? 0);
    o.duration.push(e.durationMs ?? 0);
    if (e.msg !== "cams call") {
      const what = `${e.errorCode ?? "?"}${e.outcome === "retry" ? ", retried" : ""}`;
      o.failed.set(what, (o.failed.get(what) ?? 0) + 1);
    }
    byOp.set(e.operation, o);
  }
  const pp = (xs: number[]) => `${percentile(xs, 50).toFixed(0)} / ${percentile(xs, 95).toFixed(0)}`;
  const rows = [...byOp]
    .sort(([, a], [, b]) => b.waited.length - a.waited.length)
    .map(([op, o]) => [op, String(o.waited.length), [...o.failed].map(([c, n]) => `${n} ${c}`).join("; ") || "0", pp(o.waited), pp(o.duration)]);
  return markdownTable(["CAMS operation", "attempts", "failed", "limiter wait ms p50 / p95", "call ms p50 / p95"], rows);
}

async function main() {
  const t0 = Date.now();
  ensureBuild(args.dist);
  const actions = new Actions(args.dist);
  const pgDb = await throwawayDatabase();
  const stack = await startLoadStack({
    port: Number(args.port),
    distDir: args.dist,
    // info: the CAMS client logs every call with the time it waited for the account's budget.
    env: {
      SIGNIN_IP_MAX_PER_MINUTE: "100000",
      LOG_LEVEL: "info",
      ...(pgDb ? { DATABASE_URL: pgDb.url } : {}),
    },
  });
  let stopping = false;
  let keepLogs = args.keep;
  const onSignal = () => {
    if (stopping) return;
    stopping = true;
    void stack
      .stop()
      .then(() => pgDb?.drop())
      .finally(() => (stack.cleanUp(), process.exit(130)));
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  try {
    // The first administrator, through the setup page's action, then a real sign-in.
    const admin = new UserAgent(stack.appUrl);
    const setup = await actions.call(admin, "setup.createFirstAdminAction", {
      name: "Load Admin",
      email: "load-admin@bench.test",
      password: PASSWORD,
      confirmPassword: PASSWORD,
      setupToken: setupToken(stack.dataDir),
    });
    if (!setup.result?.data) throw new Error(`setup failed: ${setup.status} ${setup.text.slice(0, 300)}`);
    const adminSignIn = await new UserAgent(stack.appUrl).signIn("load-admin@bench.test", PASSWORD);
    if (adminSignIn.status !== 200) throw new Error(`admin sign-in: ${adminSignIn.status}`);

    // The sandbox's demo spaces as the app linked them, with their verified numbers.
    const all = (await (await admin.request("/api/phone-numbers/all")).json()) as AllSpacesResponse;
    const spaces: Space[] = all.spaces.flatMap((s) =>
      s.ok
        ? [{ id: s.spaceId, name: s.spaceName, phones: s.numbers.filter((n: PhoneNumberRow) => n.codeVerificationStatus?.toUpperCase() === "VERIFIED").map((n) => n.phoneNumber) }]
        : [],
    ).filter((s) => s.phones.length > 0);
    if (spaces.length === 0) throw new Error(`no space with verified numbers: ${JSON.stringify(all).slice(0, 300)}`);

    // Users: 10% administrators (the setup one included), 60% operators, 30% viewers.
    const vus: Vu[] = [];
    for (let n = 0; n < USERS; n++) {
      const role: Role = n < Math.max(1, Math.round(USERS * 0.1)) ? "admin" : n < Math.round(USERS * 0.7) ? "operator" : "viewer";
      const own = role === "admin" ? spaces : [spaces[n % spaces.length]!, ...(n % 2 ? [spaces[(n + 1) % spaces.length]!] : [])];
      const email = n === 0 ? "load-admin@bench.test" : `load-${n}@bench.test`;
      vus.push({ n, email, role, spaces: [...new Set(own)], agent: new UserAgent(stack.appUrl), codes: [] });
    }
    for (const vu of vus.slice(1)) {
      const r = await actions.call(admin, "users.createUserAction", {
        name: `Load ${vu.role} ${vu.n}`,
        email: vu.email,
        password: PASSWORD,
        isAdmin: vu.role === "admin",
        assignments: vu.role === "admin" ? [] : vu.spaces.map((s) => ({ spaceId: s.id, role: vu.role })),
      });
      if (!r.result?.data) throw new Error(`creating ${vu.email}: ${r.status} ${r.text.slice(0, 300)}`);
    }
    const keys = Array.from({ length: 4 }, () => generateKeyPairSync("rsa", { modulusLength: 2048 }).publicKey.export({ type: "spki", format: "pem" }).toString());

    const calls = async () =>
      (await (await fetch(`${stack.sandboxUrl}/_sandbox/calls`, { headers: { authorization: `Bearer ${stack.controlToken}` } })).json()) as { byAction: Record<string, number>; limitControl: number; total: number };

    const stats = new Stats();
    const signInStats = new Stats();
    const changes: Changes = { sent: new Map(), answered: new Map() };
    const { signIn, runUser } = makeScenario(actions, stats, signInStats, changes, keys);
    // Everyone signs in at once (scrypt password checks: CPU-bound), before the timed run.
    const signInStart = Date.now();
    await Promise.all(vus.map((vu) => signIn(vu, signInStart + 120_000)));
    const signInSeconds = (Date.now() - signInStart) / 1000;
    const signedIn = vus.filter((vu) => vu.agent.signedIn).length;
    console.error(`${USERS} users (${vus.filter((v) => v.role === "admin").length} admins, ${vus.filter((v) => v.role === "operator").length} operators, ${vus.filter((v) => v.role === "viewer").length} viewers) over ${spaces.length} spaces; running ${DURATION_S} s…`);
    await fetch(`${stack.sandboxUrl}/_sandbox/calls`, { method: "DELETE", headers: { authorization: `Bearer ${stack.controlToken}` } });
    const load0 = os.loadavg();
    const runStart = Date.now();
    const deadline = runStart + DURATION_S * 1000;
    let peakRss = stack.appRssMb() ?? 0;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, stack.appRssMb() ?? 0)), 2000);
    try {
      await Promise.all(vus.map((vu) => runUser(vu, deadline)));
    } finally {
      clearInterval(sampler);
    }
    const runSeconds = (Date.now() - runStart) / 1000;
    const load1 = os.loadavg();
    const rss = stack.appRssMb();
    const cams = await calls();
    await stack.stop();

    // The audit log as written, read from the database once the server is gone (PGlite is one process).
    const database = connectDatabase(pgDb ? { url: pgDb.url, pool: 1 } : { dataDir: path.join(stack.dataDir, "db") });
    const audit = new Map<string, { ok: number; error: number; denied: number }>();
    try {
      const rows = await database.db.execute<{ operation: string; outcome: string; n: number }>(
        sql`select operation, outcome, count(*)::int as n from audit_events group by operation, outcome`,
      );
      for (const r of rows.rows) {
        const a = audit.get(r.operation) ?? { ok: 0, error: 0, denied: 0 };
        a[r.outcome as "ok" | "error" | "denied"] += Number(r.n);
        audit.set(r.operation, a);
      }
    } finally {
      await database.close();
    }

    // ---- report ----
    const answered = stats.total("ok") + stats.total("expected") + stats.total("unexpected");
    console.log(`\nLoad: ${USERS} signed-in users, ${runSeconds.toFixed(1)} s, think ${THINK_MIN}–${THINK_MAX} ms, one instance (next start, ${ENGINE}) + sandbox`);
    console.log(`${os.cpus().length} CPUs; load average (1, 5, 15 min) when the run started ${load0.map((l) => l.toFixed(1)).join(" ")}, when it ended ${load1.map((l) => l.toFixed(1)).join(" ")}\n`);
    console.log(`Sign-in (all ${USERS} at once, before the run; ${signedIn} signed in after ${signInSeconds.toFixed(1)} s):\n`);
    console.log(signInStats.table());
    for (const line of signInStats.notes()) console.log(`  ${line}`);
    console.log(`\nThe run:\n`);
    console.log(stats.table());
    console.log(`\n${answered} requests answered, ${(answered / runSeconds).toFixed(1)}/s; unexpected errors: ${stats.total("unexpected")}; expected errors: ${stats.total("expected")}`);
    for (const line of stats.notes()) console.log(`  ${line}`);
    console.log(`  (GETs the bench sent again after the app server reset an idle keep-alive connection, as a browser does: ${resentGetCount()})`);

    const ops = [...new Set([...changes.sent.keys(), ...[...audit.keys()].filter((k) => !BEFORE_RUN.has(k))])].sort();
    const auditRows = ops.map((op) => {
      const sent = changes.sent.get(op) ?? 0;
      const ans = changes.answered.get(op) ?? { ok: 0, error: 0 };
      const a = audit.get(op) ?? { ok: 0, error: 0, denied: 0 };
      const written = a.ok + a.error + a.denied;
      return [op, String(sent), `${ans.ok} / ${ans.error}`, `${a.ok} / ${a.error} / ${a.denied}`, written === sent ? "yes" : "NO"];
    });
    const totalSent = [...changes.sent.values()].reduce((a, b) => a + b, 0);
    const totalWritten = ops.reduce((n, op) => n + (audit.get(op) ? audit.get(op)!.ok + audit.get(op)!.error + audit.get(op)!.denied : 0), 0);
    auditRows.push(["**all changes**", String(totalSent), "", "", totalWritten === totalSent ? "yes" : "NO"]);
    console.log(`\nChanges made vs audit events written during the run (read from the database after stopping the server):\n`);
    console.log(markdownTable(["operation", "changes sent", "answered ok / error", "audit ok / error / denied", "equal"], auditRows));
    const before = audit.get("users.create");
    console.log(`(before the run, not counted: setup.createFirstAdmin ${audit.get("setup.createFirstAdmin")?.ok ?? 0}, users.create ${before ? before.ok + before.error : 0} of ${USERS - 1}, auth.signIn ${audit.get("auth.signIn")?.ok ?? 0})`);

    console.log(`\nCAMS calls the sandbox answered during the run: ${cams.total} (${(cams.total / runSeconds).toFixed(1)}/s), System.LimitControl: ${cams.limitControl}`);
    console.log(`  ${Object.entries(cams.byAction).sort(([, a], [, b]) => b - a).map(([k, v]) => `${k} ${v} (${(v / runSeconds).toFixed(1)}/s)`).join(", ")}`);
    console.log(`\nWhere CAMS-bound requests spend their time, from the app's log (server/cams/call.ts: waitedMs = queued for the`);
    console.log(`account's rate budget, server/cams/rate-limit.ts; durationMs = the call itself):\n`);
    console.log(camsLogTable(path.join(stack.dataDir, "servers.log"), runStart));
    console.log(`\nApp server RSS at the end: ${rss === null ? "unknown" : `${rss.toFixed(0)} MB`} (peak sampled every 2 s: ${peakRss.toFixed(0)} MB)`);
    console.log(`(total ${((Date.now() - t0) / 1000).toFixed(0)} s)`);
    if (stats.total("unexpected") + signInStats.total("unexpected") > 0 || totalWritten !== totalSent) {
      process.exitCode = 1;
      keepLogs = true;
    }
  } catch (e) {
    keepLogs = true;
    throw e;
  } finally {
    await stack.stop();
    if (pgDb && !keepLogs) await pgDb.drop();
    if (keepLogs) console.error(`Kept for inspection: ${stack.dataDir} (servers.log: app and sandbox output)${pgDb ? `; database ${pgDb.url}` : ""}`);
    else stack.cleanUp();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
