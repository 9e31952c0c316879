/**
 * The audit log at 100,000 events: page, filter, detail and CSV export timings through the app's
 * own data functions (server/data/audit.ts, the code behind /audit and /api/audit/export).
 *
 * Run: node --conditions=react-server --import tsx bench/audit/index.ts [options]
 *   --engine pglite|postgres|both   (default both)
 *   --events N                      (default 100000)
 *   --runs N                        timed runs per scenario after 3 warm-ups (default 20)
 *   --explain                       print EXPLAIN ANALYZE of every page query, then the timings
 *   --no-analyze                    skip ANALYZE after seeding (PGlite has no autovacuum)
 * PostgreSQL: BENCH_DATABASE_URL, else DATABASE_URL_TEST, else postgres://postgres@127.0.0.1:5432/test;
 * the bench creates a throwaway database there (cams_test_<random>, as the tests do) and drops it at the end.
 * PGlite: a fresh temporary directory, removed at the end.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import v8 from "node:v8";
import vm from "node:vm";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import type { Logger } from "drizzle-orm/logger";
import type { AuditFilter } from "@/lib/schemas/audit";
import type { SessionUser } from "@/server/auth/session";
import { auditCsvStream } from "@/server/audit/csv";
import { auditOperations, auditScope, exportAuditEvents, listAuditEvents } from "@/server/data/audit";
import { connectDatabase, type Database, type Db } from "@/server/db/connect";
import { openTestDatabase } from "@/server/db/test-db";
import * as schema from "@/server/db/schema";
import { auditEvents, spaceMembers, spaces, user } from "@/server/db/schema";

// ---------------------------------------------------------------- options

const argv = process.argv.slice(2);
const opt = (name: string, fallback: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] ? argv[i + 1]! : fallback;
};
const ENGINES = opt("engine", "both") === "both" ? (["pglite", "postgres"] as const) : ([opt("engine", "both")] as ("pglite" | "postgres")[]);
const EVENTS = Number(opt("events", "100000"));
const RUNS = Number(opt("runs", "20"));
const WARMUP = 3;
const EXPORT_RUNS = 5;
const EXPLAIN = argv.includes("--explain");
const ANALYZE = !argv.includes("--no-analyze");
const PG_BASE = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL_TEST ?? "postgres://postgres@127.0.0.1:5432/test";
const DAY = 86_400_000;

// ---------------------------------------------------------------- realistic data

/** Deterministic PRNG (mulberry32), so both engines get the same 100k events. */
function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
function weighted<T>(rand: () => number, items: readonly (readonly [T, number])[]): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let r = rand() * total;
  for (const [item, w] of items) if ((r -= w) < 0) return item;
  return items[items.length - 1]![0];
}

const SPACE_COUNT = 20;
/** Space activity is skewed: space 0 is the busiest, space 19 the quietest. */
const spaceWeights = Array.from({ length: SPACE_COUNT }, (_, i) => 1 / (i + 1) ** 0.8);

interface BenchUser {
  key: string;
  email: string;
  admin: boolean;
  /** Indexes of the spaces this user operates (operators) or views (viewer). */
  spaces: number[];
  weight: number;
}
const USERS: BenchUser[] = [
  { key: "ana", email: "ana.admin@acme.example", admin: true, spaces: [], weight: 18 },
  { key: "li", email: "li.wei@acme.example", admin: true, spaces: [], weight: 12 },
  { key: "maria", email: "ops-maria@acme.example", admin: false, spaces: [0, 3, 7, 12], weight: 14 },
  { key: "kenji", email: "ops-kenji@acme.example", admin: false, spaces: [1, 2, 8], weight: 12 },
  { key: "sara", email: "ops-sara@acme.example", admin: false, spaces: [4, 5, 6, 9, 10], weight: 11 },
  { key: "tom", email: "ops-tom@acme.example", admin: false, spaces: [11, 13, 14], weight: 9 },
  { key: "priya", email: "ops-priya@acme.example", admin: false, spaces: [0, 1, 15, 16], weight: 10 },
  { key: "omar", email: "ops-omar@acme.example", admin: false, spaces: [17, 18, 19], weight: 6 },
  { key: "jo", email: "viewer-jo@acme.example", admin: false, spaces: [0, 1], weight: 1.5 },
  { key: "eve", email: "auditor-eve@acme.example", admin: true, spaces: [], weight: 0.3 },
];

/** Operations that belong to a space (action names, bulk items, key updates), by how often they happen. */
const SPACE_OPS = [
  ["bulk.webhook", 22],
  ["bulk.encryptionKey", 8],
  ["webhooks.updatePhone", 14],
  ["qrCodes.create", 9],
  ["qrCodes.update", 6],
  ["qrCodes.delete", 3],
  ["phoneNumbers.add", 5],
  ["phoneNumbers.requestVerifyCode", 5],
  ["phoneNumbers.verify", 4],
  ["phoneNumbers.register", 4],
  ["phoneNumbers.deregister", 1],
  ["encryptionKeys.update", 6],
  ["webhooks.updateAccount", 2],
  ["webhooks.testDelivery", 4],
  ["bulk.create", 2],
  ["bulk.pause", 0.5],
  ["bulk.resume", 0.5],
  ["bulk.cancel", 0.3],
  ["bulk.retryFailed", 0.7],
  ["spaces.update", 0.5],
] as const;
/** Administrative operations outside any space. */
const GLOBAL_OPS = [
  ["users.create", 2],
  ["users.update", 3],
  ["users.setDisabled", 1],
  ["accounts.create", 1],
  ["accounts.update", 2],
  ["accounts.testConnection", 3],
  ["accounts.delete", 0.3],
  ["spaces.create", 1],
  ["spaces.delete", 0.2],
  ["webhooks.allowedNetworks", 0.3],
] as const;
const CAMS_ERRORS = [
  ["System.LimitControl", 4],
  ["Phone.NotExist", 2],
  ["InvalidParameter", 2],
  ["Biz.VerifyCode.Error", 1],
  ["Network", 1],
] as const;

type NewEvent = typeof auditEvents.$inferInsert;

function makeEvents(n: number, spaceIds: string[], userIds: Map<string, string>, now: number): NewEvent[] {
  const rand = prng(20261129);
  const times = Array.from({ length: n }, () => now - Math.floor(rand() * 90 * DAY)).sort((a, b) => a - b);
  const phone = () => `86138${String(Math.floor(rand() * 1e8)).padStart(8, "0")}`;
  const hex = (len: number) => Array.from({ length: len }, () => Math.floor(rand() * 16).toString(16)).join("").toUpperCase();
  return times.map((t) => {
    const u = weighted(rand, USERS.map((x) => [x, x.weight] as const));
    const globalOp = u.admin && rand() < 0.12;
    const operation = globalOp ? weighted(rand, GLOBAL_OPS) : weighted(rand, SPACE_OPS);
    const spaceIdx = globalOp ? null : u.admin ? weighted(rand, spaceWeights.map((w, i) => [i, w] as const)) : u.spaces[Math.floor(rand() * u.spaces.length)]!;
    const spaceId = spaceIdx === null ? null : spaceIds[spaceIdx]!;
    const target = operation.startsWith("qrCodes.") ? `qr-${hex(10)}` : globalOp ? `${operation.split(".")[0]}-${hex(6)}` : phone();
    // Viewers only ever produce refusals; everyone else mostly succeeds.
    const roll = rand();
    const outcome = u.key === "jo" || roll < 0.02 ? "denied" : roll < 0.08 ? "error" : "ok";
    const input =
      outcome === "denied"
        ? null
        : operation.startsWith("webhooks.") || operation === "bulk.webhook"
          ? { phoneNumber: target, statusCallbackUrl: `https://hooks.acme.example/wa/${hex(8).toLowerCase()}`, httpFlag: "Y", queueFlag: "N" }
          : operation === "encryptionKeys.update" || operation === "bulk.encryptionKey"
            ? { phoneNumber: target, fingerprint: `SHA256:${hex(43)}`, encryptionPublicKey: "[redacted]" }
            : { spaceId, target, note: "bench" };
    return {
      at: new Date(t),
      userId: userIds.get(u.key)!,
      userEmail: u.email,
      // The action clients record a refusal without a space; the job worker records it with one.
      spaceId: outcome === "denied" && !operation.startsWith("bulk.") ? null : spaceId,
      operation,
      target,
      input,
      outcome,
      errorCode: outcome === "denied" ? "Forbidden" : outcome === "error" ? weighted(rand, CAMS_ERRORS) : null,
      requestId: outcome === "denied" || globalOp ? null : `${hex(8)}-${hex(4)}-${hex(4)}-${hex(4)}-${hex(12)}`,
      durationMs: outcome === "denied" ? null : 40 + Math.floor(rand() ** 3 * 1500),
    };
  });
}

interface Seeded {
  spaceIds: string[];
  users: Map<string, SessionUser>;
  ids: { newest: number; oldest: number };
}

async function seed(db: Db, now: number): Promise<Seeded> {
  const spaceRows = await db
    .insert(spaces)
    .values(Array.from({ length: SPACE_COUNT }, (_, i) => ({ name: `Customer ${String(i + 1).padStart(2, "0")}`, custSpaceId: `cs-${i + 1}` })))
    .returning({ id: spaces.id });
  const spaceIds = spaceRows.map((r) => r.id);
  const users = new Map<string, SessionUser>();
  for (const u of USERS) {
    const id = crypto.randomUUID();
    await db.insert(user).values({ id, name: u.key, email: u.email, role: u.admin ? "admin" : "user" });
    users.set(u.key, { id, email: u.email, name: u.key, isAdmin: u.admin, locale: null, lastSpaceId: null });
    if (u.spaces.length) {
      const role = u.key === "jo" ? "viewer" : "operator";
      await db.insert(spaceMembers).values(u.spaces.map((i) => ({ userId: id, spaceId: spaceIds[i]!, role })));
    }
  }
  const rows = makeEvents(EVENTS, spaceIds, new Map([...users].map(([k, v]) => [k, v.id])), now);
  for (let i = 0; i < rows.length; i += 1000) await db.insert(auditEvents).values(rows.slice(i, i + 1000));
  const [r] = (await raw(db, "select min(id)::int as oldest, max(id)::int as newest from audit_events")) as { oldest: number; newest: number }[];
  return { spaceIds, users, ids: r! };
}

// ---------------------------------------------------------------- engines

/** Both drivers answer `query(text, params)` with `{ rows }`. */
type RawClient = { query(text: string, params?: unknown[]): Promise<{ rows: unknown[] }> };
const clientOf = (db: Db) => (db as unknown as { $client: RawClient }).$client;
const raw = async (db: Db, text: string, params?: unknown[]) => (await clientOf(db).query(text, params)).rows;

/** The data functions reach the database through getDb(); point it at ours, as the tests do. */
function install(database: Database) {
  const g = globalThis as unknown as { __camsDb?: Database; __camsDbReady?: Promise<void> };
  g.__camsDb = database;
  g.__camsDbReady = Promise.resolve();
}

async function openEngine(engine: "pglite" | "postgres"): Promise<{ database: Database; label: string; cleanup: () => Promise<void> }> {
  if (engine === "pglite") {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-audit-"));
    const database = connectDatabase({ dataDir: dir });
    return {
      database,
      label: `PGlite (file-backed, ${dir})`,
      cleanup: async () => {
        await database.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  // The tests' helper: a throwaway database cams_test_<random> on DATABASE_URL_TEST, dropped on close.
  process.env.DATABASE_URL_TEST = PG_BASE;
  const database = await openTestDatabase("postgres");
  const [v] = (await raw(database.db, "select version() as v, current_database() as name")) as { v: string; name: string }[];
  return { database, label: `${v!.v.split(" on ")[0]} (database ${v!.name})`, cleanup: () => database.close() };
}

// ---------------------------------------------------------------- scenarios

interface Scenario {
  name: string;
  /** Returns how many events it read, for the table. */
  run: () => Promise<number>;
  /** Page queries get EXPLAINed; exports (many queries) do not. */
  explain?: boolean;
  runs?: number;
}

const ymd = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const page = (scope: "all" | string[], f: AuditFilter) => async () => (await listAuditEvents(scope, f)).events.length;

const gc: () => void = (() => {
  v8.setFlagsFromString("--expose-gc");
  return vm.runInNewContext("gc") as () => void;
})();
const heapNow = () => {
  const m = process.memoryUsage();
  return { js: m.heapUsed + m.external + m.arrayBuffers, rss: m.rss };
};

interface ExportResult {
  ms: number;
  rows: number;
  bytes: number;
  peakJsMB: number;
  peakRssMB: number;
}
/** One export through the route's own stream: `stalled` = the client waits 2 s before its first read. */
async function exportOnce(scope: "all" | string[], f: AuditFilter, stalled: boolean): Promise<ExportResult> {
  gc();
  const base = heapNow();
  let peak = { js: 0, rss: 0 };
  let rows = 0;
  const sample = (batchRows = 0) => {
    rows += batchRows;
    const m = heapNow();
    peak = { js: Math.max(peak.js, m.js - base.js), rss: Math.max(peak.rss, m.rss - base.rss) };
  };
  const t = performance.now();
  const stream = auditCsvStream(scope, f, sample);
  if (stalled) await new Promise((resolve) => setTimeout(resolve, 2000));
  let bytes = 0;
  const reader = stream.getReader();
  for (let r = await reader.read(); !r.done; r = await reader.read()) {
    bytes += r.value.byteLength;
    sample();
  }
  const ms = performance.now() - t;
  return { ms, rows, bytes, peakJsMB: peak.js / 2 ** 20, peakRssMB: peak.rss / 2 ** 20 };
}

function scenarios(s: Seeded, now: number): Scenario[] {
  const sp = (i: number) => s.spaceIds[i]!;
  const today = ymd(now);
  const last7 = { from: ymd(now - 6 * DAY), to: today };
  const last30 = { from: ymd(now - 29 * DAY), to: today };
  const oldWeek = { from: ymd(now - 70 * DAY), to: ymd(now - 64 * DAY) };
  const span = s.ids.newest - s.ids.oldest;
  const deep = s.ids.oldest + Math.floor(span * 0.05); // ≈ page 1,900 of 2,000
  const mid = s.ids.oldest + Math.floor(span * 0.5);
  const maria = USERS.find((u) => u.key === "maria")!.spaces.map(sp);
  const omar = USERS.find((u) => u.key === "omar")!.spaces.map(sp);
  return [
    { name: "first page (admin, no filter)", run: page("all", {}), explain: true },
    { name: "operations list (filter menu, admin)", run: async () => (await auditOperations("all")).length, explain: true },
    { name: "deep page: keyset cursor ≈ page 1,900", run: page("all", { before: deep }), explain: true },
    { name: "filter user 'maria' (14% of events)", run: page("all", { user: "maria" }), explain: true },
    { name: "filter user 'auditor' (0.3%)", run: page("all", { user: "auditor" }), explain: true },
    { name: "filter user, deep page", run: page("all", { user: "maria", before: deep }), explain: true },
    { name: "filter space: busiest (≈15%)", run: page("all", { space: sp(0) }), explain: true },
    { name: "filter space: quietest (≈2%)", run: page("all", { space: sp(19) }), explain: true },
    { name: "filter space, deep page", run: page("all", { space: sp(19), before: deep }), explain: true },
    { name: "filter operation webhooks.updatePhone", run: page("all", { operation: "webhooks.updatePhone" }), explain: true },
    { name: "filter operation spaces.delete (rare)", run: page("all", { operation: "spaces.delete" }), explain: true },
    { name: "filter outcome error (≈6%)", run: page("all", { outcome: "error" }), explain: true },
    { name: "filter outcome denied (≈3%)", run: page("all", { outcome: "denied" }), explain: true },
    { name: "filter dates: last 7 days", run: page("all", last7), explain: true },
    { name: "filter dates: one week 64-70 days ago", run: page("all", oldWeek), explain: true },
    { name: "filter dates: old week, deep page", run: page("all", { ...oldWeek, before: s.ids.oldest + Math.floor(span * 0.25) }), explain: true },
    { name: "combined: space + outcome error", run: page("all", { space: sp(0), outcome: "error" }), explain: true },
    { name: "combined: user + operation + last 30 days", run: page("all", { user: "kenji", operation: "webhooks.updatePhone", ...last30 }), explain: true },
    { name: "combined: space + op + error + old week", run: page("all", { space: sp(19), operation: "qrCodes.create", outcome: "error", ...oldWeek }), explain: true },
    { name: "combined: no match (user typo + space)", run: page("all", { user: "mraia", space: sp(3) }), explain: true },
    { name: "operator scope lookup (auditScope)", run: async () => (await auditScope(s.users.get("maria")!) as string[]).length, explain: true },
    { name: "operator 4 spaces: first page", run: page(maria, {}), explain: true },
    { name: "operator 4 spaces: deep page", run: page(maria, { before: deep }), explain: true },
    { name: "operator 4 spaces: outcome error", run: page(maria, { outcome: "error" }), explain: true },
    { name: "operator 3 quiet spaces: first page", run: page(omar, {}), explain: true },
    { name: "operator 3 quiet spaces: old week", run: page(omar, oldWeek), explain: true },
    { name: "operations list (filter menu, operator)", run: async () => (await auditOperations(omar)).length, explain: true },
    {
      name: "detail: one event by id (admin)",
      run: async () => (await listAuditEvents("all", { before: mid + 1 }, 1)).events.length,
      explain: true,
    },
    {
      name: "detail: one event by id (operator)",
      run: async () => (await listAuditEvents(omar, { before: mid + 1 }, 1)).events.length,
      explain: true,
    },
    {
      name: "CSV export: space + last 30 days",
      run: async () => (await exportOnce("all", { space: sp(0), ...last30 }, false)).rows,
      explain: true,
      runs: 10,
    },
    { name: "CSV export: outcome error (all time)", run: async () => (await exportOnce("all", { outcome: "error" }, false)).rows, runs: 10 },
    { name: "CSV export: operator, 4 spaces, all", run: async () => (await exportOnce(maria, {}, false)).rows, runs: EXPORT_RUNS },
    {
      name: "export data function alone: all 100k, no CSV",
      run: async () => {
        let n = 0;
        for await (const batch of exportAuditEvents("all", {})) n += batch.length;
        return n;
      },
      runs: EXPORT_RUNS,
    },
  ];
}

// ---------------------------------------------------------------- measuring

function pct(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");

interface Row {
  name: string;
  rows: number;
  p50: number;
  p95: number;
}

async function explainAll(database: Database, list: Scenario[]) {
  const captured: { query: string; params: unknown[] }[] = [];
  const logger: Logger = { logQuery: (query, params) => void captured.push({ query, params }) };
  const client = clientOf(database.db);
  const logging = (
    database.kind === "pglite" ? drizzlePglite(client as never, { schema, logger }) : drizzlePg(client as never, { schema, logger })
  ) as unknown as Db;
  for (const s of list.filter((x) => x.explain)) {
    captured.length = 0;
    install({ ...database, db: logging });
    await s.run();
    install(database);
    for (const q of captured) {
      const plan = (await raw(database.db, `explain (analyze, buffers) ${q.query}`, q.params)) as { "QUERY PLAN": string }[];
      console.log(`\n--- ${s.name}\n${q.query}\n${JSON.stringify(q.params)}\n${plan.map((p) => p["QUERY PLAN"]).join("\n")}`);
    }
  }
}

/** The filter menu's operations must be exactly the distinct operations in scope, sorted. */
async function checkOperations(db: Db, s: Seeded) {
  for (const key of ["ana", "maria", "omar", "jo"]) {
    const u = s.users.get(key)!;
    const scope = await auditScope(u);
    const inScope = scope === "all" ? "" : `where space_id = any($1)`;
    const expected = (await raw(db, `select distinct operation from audit_events ${inScope} order by 1 limit 200`, scope === "all" ? [] : [scope])) as {
      operation: string;
    }[];
    const got = await auditOperations(scope);
    if (JSON.stringify(got) !== JSON.stringify(expected.map((r) => r.operation))) {
      throw new Error(`auditOperations(${key}) differs from SELECT DISTINCT: ${JSON.stringify(got)}`);
    }
  }
}

async function benchEngine(engine: "pglite" | "postgres") {
  const { database, label, cleanup } = await openEngine(engine);
  try {
    await database.migrate();
    install(database);
    const now = Date.now();
    let t = performance.now();
    const seeded = await seed(database.db, now);
    const seedS = (performance.now() - t) / 1000;
    t = performance.now();
    if (ANALYZE) await raw(database.db, "analyze");
    const analyzeMs = performance.now() - t;
    const idx = (await raw(database.db, "select indexname from pg_indexes where tablename = 'audit_events' order by 1")) as { indexname: string }[];
    console.log(`\n## ${label}`);
    console.log(`seeded ${EVENTS} events in ${seedS.toFixed(1)} s; ${ANALYZE ? `ANALYZE ${analyzeMs.toFixed(0)} ms` : "no ANALYZE"}; load average ${load()}`);
    console.log(`indexes on audit_events: ${idx.map((i) => i.indexname).join(", ")}`);

    await checkOperations(database.db, seeded);
    const list = scenarios(seeded, now);
    if (EXPLAIN) await explainAll(database, list);

    const rows: Row[] = [];
    for (const s of list) {
      const n = s.runs ?? RUNS;
      const times: number[] = [];
      let count = 0;
      const warm = s.runs ? 1 : WARMUP;
      for (let i = 0; i < warm + n; i++) {
        const start = performance.now();
        count = await s.run();
        if (i >= warm) times.push(performance.now() - start);
      }
      const row = { name: s.name, rows: count, p50: pct(times, 50), p95: pct(times, 95) };
      rows.push(row);
      console.log(`${row.name.padEnd(46)} ${String(row.rows).padStart(6)} rows  p50 ${row.p50.toFixed(2).padStart(8)} ms  p95 ${row.p95.toFixed(2).padStart(8)} ms`);
    }

    const scope = "all" as const;
    const exports: { name: string; r: ExportResult[] }[] = [];
    for (const stalled of [false, true]) {
      const r: ExportResult[] = [];
      for (let i = 0; i < EXPORT_RUNS; i++) r.push(await exportOnce(scope, {}, stalled));
      exports.push({ name: stalled ? "CSV export: all, client waits 2 s, then reads" : "CSV export: all, client reads as it comes", r });
    }
    for (const { name, r } of exports) {
      const ms = r.map((x) => x.ms);
      console.log(
        `${name.padEnd(46)} ${String(r[0]!.rows).padStart(6)} rows  p50 ${pct(ms, 50).toFixed(0).padStart(8)} ms  max ${Math.max(...ms).toFixed(0)} ms;` +
          ` ${(r[0]!.bytes / 2 ** 20).toFixed(1)} MiB CSV; peak JS heap+buffers +${Math.max(...r.map((x) => x.peakJsMB)).toFixed(1)} MiB,` +
          ` peak RSS +${Math.max(...r.map((x) => x.peakRssMB)).toFixed(1)} MiB`,
      );
    }
    console.log(`load average at the end: ${load()}`);
    return { engine, label, rows, exports };
  } finally {
    await cleanup();
  }
}

async function main() {
  console.log(`audit log bench: ${EVENTS} events, ${RUNS} runs per scenario after ${WARMUP} warm-ups; ${os.cpus().length} CPUs, load average ${load()}`);
  const results: Awaited<ReturnType<typeof benchEngine>>[] = [];
  for (const engine of ENGINES) results.push(await benchEngine(engine));

  console.log(`\n| ms (${EVENTS} events) | rows | ${results.map((r) => `${r.engine === "pglite" ? "PGlite" : "PostgreSQL"} p50 / p95`).join(" | ")} |`);
  console.log(`| --- | --- |${results.map(() => " --- |").join("")}`);
  results[0]!.rows.forEach((row, i) => {
    const cells = results.map((r) => `${r.rows[i]!.p50.toFixed(2)} / ${r.rows[i]!.p95.toFixed(2)}`);
    console.log(`| ${row.name} | ${row.rows} | ${cells.join(" | ")} |`);
  });
  results[0]!.exports.forEach((e, i) => {
    const cells = results.map((r) => {
      const x = r.exports[i]!.r;
      return `${pct(x.map((y) => y.ms), 50).toFixed(0)} ms; +${Math.max(...x.map((y) => y.peakJsMB)).toFixed(0)} MiB JS, +${Math.max(...x.map((y) => y.peakRssMB)).toFixed(0)} MiB RSS`;
    });
    console.log(`| ${e.name} (p50 of ${EXPORT_RUNS}; peak memory) | ${e.r[0]!.rows} | ${cells.join(" | ")} |`);
  });
  console.log(`\nload average at the end: ${load()}`);
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
