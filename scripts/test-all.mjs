#!/usr/bin/env node
// Every test: typecheck, lint and the production build side by side (none needs another), then
// unit + integration (Vitest: data layer on PGlite and PostgreSQL, the sandbox and CAMS client over
// HTTP), then e2e in Chromium against that build.
// Ends with one line "N passed, N failed" from the runners' JSON reports.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";

const root = path.resolve(import.meta.dirname, "..");
const bin = (n) => path.join(root, "node_modules", ".bin", n);
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const PG_URL = process.env.DATABASE_URL_TEST ?? "postgres://postgres@127.0.0.1:5432/test";
const results = { passed: 0, failed: 0, skipped: 0 };
let failedStep = null;

/**
 * GNU time around a step, when the machine has it: the CPU seconds of the step's whole process
 * tree (every reaped descendant: app servers, browsers, workers) beside its wall time, which says
 * whether a step is bound by the two cores or by waiting.
 */
const TIME = fs.existsSync("/usr/bin/time") ? "/usr/bin/time" : null;
let timed = 0;
function withCpu(cmd, args) {
  if (!TIME) return { cmd, args, report: () => "" };
  const file = path.join(root, "test-results-cpu", `${++timed}.txt`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  return {
    cmd: TIME,
    args: ["-q", "-o", file, "-f", "%U %S %M", cmd, ...args],
    report: (wallS) => {
      const [user, sys, rssKb] = (fs.existsSync(file) ? fs.readFileSync(file, "utf8").trim().split(/\s+/).slice(-3) : []).map(Number);
      if (!Number.isFinite(user)) return "";
      const cpu = user + sys;
      return `, ${cpu.toFixed(0)} CPU-s (${(cpu / wallS).toFixed(2)} cores on average, largest process ${(rssKb / 1024).toFixed(0)} MB)`;
    },
  };
}

/**
 * Starts steps at the same time, each with its output held back and printed whole when it ends, so
 * the log reads like a serial run. One promise per step, resolving to whether it succeeded.
 */
function together(steps) {
  const started = Date.now();
  return steps.map(
    ([name, cmd, args, extraEnv = {}]) =>
      new Promise((resolve) => {
        const out = [];
        const run = withCpu(cmd, args);
        const child = spawn(run.cmd, run.args, { cwd: root, env: { ...env, ...extraEnv } });
        child.stdout.on("data", (d) => out.push(d));
        child.stderr.on("data", (d) => out.push(d));
        child.on("close", (status, signal) => {
          console.log(`\n=== ${name} ===`);
          process.stdout.write(Buffer.concat(out));
          const wall = (Date.now() - started) / 1000;
          console.log(`=== ${name}: ${status === 0 ? "ok" : `failed (${status ?? signal})`} in ${wall.toFixed(1)} s${run.report(wall)} ===`);
          if (status !== 0 && !failedStep) failedStep = name;
          resolve(status === 0);
        });
      }),
  );
}

/** The last lines of a failed step, printed again at the end so a log cut to its tail shows why. */
const failureTails = [];

/** Runs one step with its output streamed as it comes; keeps its last lines in case it fails. */
function step(name, cmd, args, extraEnv = {}) {
  console.log(`\n=== ${name} ===`);
  const started = Date.now();
  return new Promise((resolve) => {
    let tail = "";
    const keep = (d) => {
      tail = (tail + d.toString()).slice(-6000);
    };
    const run = withCpu(cmd, args);
    const child = spawn(run.cmd, run.args, { cwd: root, env: { ...env, ...extraEnv } });
    child.stdout.on("data", (d) => (process.stdout.write(d), keep(d)));
    child.stderr.on("data", (d) => (process.stderr.write(d), keep(d)));
    child.on("close", (status, signal) => {
      const wall = (Date.now() - started) / 1000;
      console.log(`=== ${name}: ${status === 0 ? "ok" : `failed (${status ?? signal})`} in ${wall.toFixed(1)} s${run.report(wall)} ===`);
      if (status !== 0) {
        if (!failedStep) failedStep = name;
        failureTails.push(`--- the end of ${name}'s output ---\n${tail}`);
      }
      resolve(status === 0);
    });
  });
}

async function postgresReachable() {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

async function ensurePostgres() {
  if (await postgresReachable()) return true;
  console.log("PostgreSQL is not reachable; trying to start it…");
  const versions = fs.existsSync("/etc/postgresql") ? fs.readdirSync("/etc/postgresql") : [];
  for (const v of versions) spawnSync("pg_ctlcluster", ["--skip-systemctl-redirect", v, "main", "start"], { stdio: "inherit" });
  for (let i = 0; i < 20; i++) {
    if (await postgresReachable()) return true;
    await new Promise((r) => setTimeout(r, 500));
  }
  return false;
}

function readVitest(file) {
  if (!fs.existsSync(file)) return;
  const j = JSON.parse(fs.readFileSync(file, "utf8"));
  results.passed += j.numPassedTests ?? 0;
  results.failed += (j.numFailedTests ?? 0) + (j.numFailedTestSuites && !j.numFailedTests ? j.numFailedTestSuites : 0);
  results.skipped += (j.numPendingTests ?? 0) + (j.numTodoTests ?? 0);
}

function readPlaywright(file) {
  if (!fs.existsSync(file)) return;
  const j = JSON.parse(fs.readFileSync(file, "utf8"));
  results.passed += j.stats?.expected ?? 0;
  results.failed += (j.stats?.unexpected ?? 0) + (j.stats?.flaky ?? 0);
  results.skipped += j.stats?.skipped ?? 0;
}

// Playwright empties its outputDir (test-results) when it starts: Vitest's report goes beside it.
for (const d of ["test-results", "test-results-vitest", "test-results-cpu"]) {
  fs.rmSync(path.join(root, d), { recursive: true, force: true });
  fs.mkdirSync(path.join(root, d), { recursive: true });
}

const pgUp = await ensurePostgres();
const vitestEnv = {};
if (pgUp) vitestEnv.DATABASE_URL_TEST = PG_URL;
else if (process.env.CI) {
  console.error(`PostgreSQL at ${PG_URL} is not reachable and could not be started: the PostgreSQL suite must run in CI.`);
  process.exit(1);
} else console.warn(`PostgreSQL at ${PG_URL} is not reachable: the PostgreSQL variants are left out of this local run.`);

// Vitest after the build, not beside it: on two cores the two slowed each other more than they
// overlapped (build 57 → 196 s, Vitest 147 → 222 s; both done 50 s later than one after the other).
const [, , built] = await Promise.all(
  together([
    ["typecheck", bin("tsc"), ["--noEmit"]],
    ["lint", bin("eslint"), [".", "--max-warnings=0"]],
    ["build", bin("next"), ["build"], { NODE_ENV: "production" }],
  ]),
);
await step("unit + integration (vitest)", bin("vitest"), ["run", "--reporter=default", "--reporter=json", "--outputFile.json=test-results-vitest/vitest.json"], vitestEnv);
readVitest(path.join(root, "test-results-vitest", "vitest.json"));
if (built) {
  await step("e2e (playwright, chromium)", bin("playwright"), ["test"]);
  readPlaywright(path.join(root, "test-results", "e2e.json"));
}

if (failedStep && results.failed === 0) results.failed = 1; // a failed typecheck/lint/build counts
for (const t of failureTails) console.log(`\n${t}`);
console.log(`\n${failedStep ? `First failing step: ${failedStep}` : "All steps passed"}`);
console.log(`${results.passed} passed, ${results.failed} failed${results.skipped ? `, ${results.skipped} skipped` : ""}`);
process.exit(failedStep ? 1 : 0);
