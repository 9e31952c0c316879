/**
 * The history's cost in a sweep at 10,000 numbers: one space's numbers and details stored in the
 * inventory, then the store path a sweep runs (server/inventory/store.ts replaceNumbers, the diff
 * and record of server/alerts/history.ts; details.ts writeSpaceDetailsTx with the details' diff of
 * server/alerts/details-history.ts) with 1 % of the numbers changed and with none changed.
 *
 * Run: node --conditions=react-server --import tsx bench/history/index.ts [--numbers N] [--details N] [--runs N] [--engine pglite|postgres|both]
 * (--details: how many of the numbers the details sweep covers, default 1,000: its writes are one
 * statement per row and number, so 10,000 take minutes per run on PGlite.)
 * PostgreSQL runs too when DATABASE_URL (or DATABASE_URL_TEST) is set: a throwaway database
 * cams_test_<random> there, dropped at the end. PGlite: a temporary directory, removed at the end.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { PhoneNumberInfo, QrCode } from "@/lib/cams/wire";
import type { ProfileView } from "@/lib/schemas/profile";
import { diffDetails, heldDetails } from "@/server/alerts/details-history";
import { diffNumbers } from "@/server/alerts/history";
import { connectDatabase, type Database } from "@/server/db/connect";
import { openTestDatabase } from "@/server/db/test-db";
import { inventoryNumbers, numberEvents, spaces } from "@/server/db/schema";
import { writeSpaceDetailsTx, type NumberDetails } from "@/server/inventory/details";
import { replaceNumbers } from "@/server/inventory/store";
import { count, eq } from "drizzle-orm";

const argv = process.argv.slice(2);
const opt = (name: string, fallback: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] ? argv[i + 1]! : fallback;
};
const N = Number(opt("numbers", "10000"));
// The details sweep stores four rows per number, one statement each (details.ts): measured on fewer numbers.
const D = Math.min(N, Number(opt("details", "1000")));
const RUNS = Number(opt("runs", "5"));
const PG_URL = process.env.DATABASE_URL ?? process.env.DATABASE_URL_TEST;
const engineOpt = opt("engine", "both");
const ENGINES = (engineOpt === "both" ? ["pglite", ...(PG_URL ? ["postgres"] : [])] : [engineOpt]) as ("pglite" | "postgres")[];

function install(database: Database) {
  const g = globalThis as unknown as { __camsDb?: Database; __camsDbReady?: Promise<void> };
  g.__camsDb = database;
  g.__camsDbReady = Promise.resolve();
}

async function openEngine(engine: "pglite" | "postgres") {
  if (engine === "pglite") {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-history-"));
    const database = connectDatabase({ dataDir: dir });
    await database.migrate();
    return { database, label: "PGlite (file-backed)", cleanup: async () => (await database.close(), fs.rmSync(dir, { recursive: true, force: true })) };
  }
  process.env.DATABASE_URL_TEST = PG_URL;
  const database = await openTestDatabase("postgres");
  return { database, label: "PostgreSQL", cleanup: () => database.close() };
}

const phoneOf = (i: number) => `1555${String(i).padStart(7, "0")}`;
const number = (i: number, quality: string): PhoneNumberInfo =>
  ({
    phoneNumber: phoneOf(i),
    verifiedName: `Shop ${i}`,
    status: "CONNECTED",
    qualityRating: quality,
    messagingLimitTier: "TIER_1K",
    codeVerificationStatus: "VERIFIED",
    nameStatus: "APPROVED",
    newNameStatus: null,
    statusCallbackUrl: `https://hooks.example/${i}/status`,
    upCallbackUrl: `https://hooks.example/${i}/up`,
    statusQueue: null,
    upQueue: null,
  }) as PhoneNumberInfo;
const profile = (i: number): ProfileView => ({
  about: `Shop ${i}: we reply within minutes.`,
  address: "1 Harbour Road",
  description: "",
  email: `hello+${i}@shop.example`,
  vertical: "RETAIL",
  websites: [`https://shop${i}.example`],
  profilePictureUrl: `https://cdn.example/p/${i}.jpg?token=t`,
});
const details = (i: number, message: string): NumberDetails => ({
  phoneNumber: phoneOf(i),
  key: { state: "key", status: "VALID", key: { pem: "-----BEGIN PUBLIC KEY-----\n…", keyType: "RSA", bits: 2048, fingerprint: `FP:${i}` } },
  qr: { codes: i % 4 === 0 ? [{ qrdlCode: `Q${String(i).padStart(7, "0")}`, prefilledMessage: message, phoneNumber: phoneOf(i) } as QrCode] : [], notVerified: false },
  health: { canSendMessage: "AVAILABLE", entities: [] } as unknown as NumberDetails["health"],
  profile: profile(i),
});

const p50 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;

async function bench(engine: "pglite" | "postgres") {
  const { database, label, cleanup } = await openEngine(engine);
  install(database);
  const db = database.db;
  try {
    const [space] = await db.insert(spaces).values({ name: "Bench", custSpaceId: "bench-history" }).returning();
    const spaceId = space!.id;
    const events = async () => Number((await db.select({ n: count() }).from(numberEvents).where(eq(numberEvents.spaceId, spaceId)))[0]!.n);
    // 1 % of the numbers change (spread over the space); each changed run flips them back and forth.
    const changed = new Set(Array.from({ length: Math.max(1, Math.round(N / 100)) }, (_, k) => k * 100));
    let flip = false;
    let flipDetails = false;
    const answer = (change: boolean) => {
      if (change) flip = !flip;
      return Array.from({ length: N }, (_, i) => number(i, changed.has(i) && flip ? "YELLOW" : "GREEN"));
    };
    const detailAnswer = (change: boolean) => {
      if (change) flipDetails = !flipDetails;
      // A changed number: its key status and its QR code's message (numbers i % 4 === 0 have one).
      return Array.from({ length: D }, (_, i) => {
        const on = changed.has(i) && flipDetails;
        const d = details(i, on ? "Autumn sale" : "Spring sale");
        if (on && d.key.state === "key") d.key = { ...d.key, status: "MISMATCH" };
        return d;
      });
    };

    let t0 = process.hrtime.bigint();
    await replaceNumbers(db, spaceId, answer(false), "sweep");
    const seedNumbersMs = ms(t0);
    t0 = process.hrtime.bigint();
    await db.transaction((tx) => writeSpaceDetailsTx(tx, spaceId, detailAnswer(false), "sweep"));
    const seedDetailsMs = ms(t0);
    const stored = Number((await db.select({ n: count() }).from(inventoryNumbers).where(eq(inventoryNumbers.spaceId, spaceId)))[0]!.n);
    console.log(`\n${label}: ${stored} numbers stored, details of ${D} (numbers ${seedNumbersMs.toFixed(0)} ms, details ${seedDetailsMs.toFixed(0)} ms; the first observation writes ${await events()} events)`);

    const rows: string[][] = [];
    const run = async (name: string, change: boolean, once: () => Promise<void>) => {
      const times: number[] = [];
      const written: number[] = [];
      for (let r = 0; r < RUNS; r++) {
        const before = await events();
        const t = process.hrtime.bigint();
        await once();
        times.push(ms(t));
        written.push((await events()) - before);
        void change;
      }
      rows.push([name, written.join("/"), p50(times).toFixed(0), Math.min(...times).toFixed(0), Math.max(...times).toFixed(0)]);
    };
    await run("numbers sweep, 1 % changed", true, async () => void (await replaceNumbers(db, spaceId, answer(true), "sweep")));
    await run("numbers sweep, 0 % changed", false, async () => void (await replaceNumbers(db, spaceId, answer(false), "sweep")));
    await run(`details sweep of ${D}, 1 % changed`, true, () => db.transaction((tx) => writeSpaceDetailsTx(tx, spaceId, detailAnswer(true), "sweep")));
    await run(`details sweep of ${D}, 0 % changed`, false, () => db.transaction((tx) => writeSpaceDetailsTx(tx, spaceId, detailAnswer(false), "sweep")));

    // The history's own share: what is held read, and diffed in memory (no write).
    const heldNumbers = new Map((await db.select({ p: inventoryNumbers.phoneNumber, r: inventoryNumbers.record }).from(inventoryNumbers).where(eq(inventoryNumbers.spaceId, spaceId))).map((x) => [x.p, x.r as PhoneNumberInfo]));
    const a = answer(true);
    let t = process.hrtime.bigint();
    const numberChanges = diffNumbers(heldNumbers, a).length;
    const diffNumbersMs = ms(t);
    t = process.hrtime.bigint();
    const held = await heldDetails(db, spaceId, null, new Set(["key", "qr", "health", "profile"] as const));
    const heldMs = ms(t);
    const da = detailAnswer(true);
    t = process.hrtime.bigint();
    const detailChanges = diffDetails(held, da, new Date()).changes.length;
    const diffDetailsMs = ms(t);

    console.log(`| ${label} | events written per run | ms p50 | min | max |`);
    console.log("| --- | --- | --- | --- | --- |");
    for (const r of rows) console.log(`| ${r.join(" | ")} |`);
    console.log(
      `in memory: diff of ${N} numbers ${diffNumbersMs.toFixed(1)} ms (${numberChanges} changes); details held read in ${heldMs.toFixed(0)} ms (4 queries), diffed in ${diffDetailsMs.toFixed(1)} ms (${D} numbers, ${detailChanges} changes)`,
    );
  } finally {
    await cleanup();
  }
}

async function main() {
  console.log(`bench/history: ${N} numbers, ${RUNS} runs per scenario, load ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}`);
  for (const e of ENGINES) await bench(e);
  console.log(`load at the end ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}`);
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
