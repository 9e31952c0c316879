/**
 * What the load benchmark runs against: a CAMS sandbox (demo seed) on a free port and `next start`
 * of a production build in its own dist folder, on a fresh DATA_DIR (embedded PGlite). Both in
 * their own process groups, so stopping them stops whatever they started.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort, ROOT, stackEnv } from "../phone-list/stack";

export interface LoadStack {
  appUrl: string;
  sandboxUrl: string;
  /** The sandbox control API's token. */
  controlToken: string;
  dataDir: string;
  /** Resident memory of the app server's process group, in MB (null when unreadable). */
  appRssMb(): number | null;
  /** Stops both servers (SIGTERM, then SIGKILL after 10 s); the data directory stays for reading. */
  stop(): Promise<void>;
  /** Removes the data directory. */
  cleanUp(): void;
}

async function waitFor(url: string, timeoutMs: number, child: ChildProcess): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (child.exitCode !== null) throw new Error(`${url}: the server exited (${child.exitCode}); see the log in the data directory`);
    try {
      const res = await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(5000) });
      if (res.status < 500) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not come up in ${timeoutMs} ms`);
}

/** `next build` into distDir unless it already holds a build. */
export function ensureBuild(distDir: string): void {
  if (fs.existsSync(path.join(ROOT, distDir, "BUILD_ID"))) return;
  console.error(`No production build in ${distDir}: running \`next build\` (NEXT_DIST_DIR=${distDir}) first…`);
  const r = spawnSync(path.join(ROOT, "node_modules/.bin/next"), ["build"], {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NEXT_DIST_DIR: distDir },
  });
  if (r.status !== 0) throw new Error("next build failed");
}

function groupRssMb(pid: number | undefined): number | null {
  if (!pid) return null;
  // Every process of the server's session (next start may fork a worker).
  const r = spawnSync("ps", ["-o", "rss=", "-s", String(pid)], { encoding: "utf8" });
  if (r.status !== 0) return null;
  const kb = r.stdout
    .split("\n")
    .map((l) => Number(l.trim()))
    .filter((n) => n > 0)
    .reduce((a, b) => a + b, 0);
  return kb ? kb / 1024 : null;
}

export interface LoadStackOptions {
  port: number;
  distDir: string;
  env?: Record<string, string>;
  /** The sandbox's own environment on top (CAMS_SANDBOX_SPACES=… for no demo seed). */
  sandboxEnv?: Record<string, string>;
  /** Runs once the sandbox is up and before the app starts (which links every sandbox space at boot). */
  beforeApp?: (sandbox: { url: string; controlToken: string }) => Promise<void>;
}

export async function startLoadStack(opts: LoadStackOptions): Promise<LoadStack> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "cams-bench-load-"));
  const sandboxPort = await freePort();
  const keyId = `LTAIload${crypto.randomBytes(4).toString("hex")}`;
  const secret = crypto.randomBytes(18).toString("base64url");
  const sandboxUrl = `http://127.0.0.1:${sandboxPort}`;
  const appUrl = `http://127.0.0.1:${opts.port}`;
  const children: ChildProcess[] = [];
  const { controlToken, env } = stackEnv(keyId, secret);
  const log = fs.openSync(path.join(dataDir, "servers.log"), "a");
  const start = (cmd: string, args: string[], childEnv: NodeJS.ProcessEnv) => {
    const child = spawn(cmd, args, { cwd: ROOT, env: childEnv, stdio: ["ignore", log, log], detached: true });
    children.push(child);
    return child;
  };
  const signal = (c: ChildProcess, sig: NodeJS.Signals) => {
    try {
      process.kill(-c.pid!, sig); // the child's own process group (detached)
    } catch {
      /* already gone */
    }
  };
  const exited = (c: ChildProcess, ms: number) =>
    c.exitCode !== null || c.signalCode !== null
      ? Promise.resolve(true)
      : new Promise<boolean>((resolve) => {
          const t = setTimeout(() => resolve(false), ms);
          c.once("exit", () => (clearTimeout(t), resolve(true)));
        });
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    for (const c of [...children].reverse()) {
      signal(c, "SIGTERM");
      if (!(await exited(c, 10_000))) signal(c, "SIGKILL");
      await exited(c, 2_000);
    }
    fs.closeSync(log);
  };

  try {
    const sandbox = start(process.execPath, ["--conditions=react-server", "--import", "tsx", "server/sandbox/cli.ts", "--port", String(sandboxPort)], { ...env, ...opts.sandboxEnv });
    await waitFor(`${sandboxUrl}/_sandbox/health`, 30_000, sandbox);
    await opts.beforeApp?.({ url: sandboxUrl, controlToken });
    // BENCH_APP_NODE_ARGS: the app server's own Node options (--cpu-prof is refused in NODE_OPTIONS).
    const nodeArgs = (process.env.BENCH_APP_NODE_ARGS ?? "").split(/\s+/).filter(Boolean);
    const app = start(process.execPath, [...nodeArgs, path.join(ROOT, "node_modules/next/dist/bin/next"), "start", "-p", String(opts.port), "-H", "127.0.0.1"], {
      ...env,
      NEXT_DIST_DIR: opts.distDir,
      DATA_DIR: dataDir,
      APP_URL: appUrl,
      CAMS_SANDBOX_URL: sandboxUrl,
      LOG_LEVEL: "warn",
      ...opts.env,
    });
    await waitFor(`${appUrl}/sign-in`, 120_000, app);
  } catch (e) {
    await stop();
    throw e;
  }
  return {
    appUrl,
    sandboxUrl,
    controlToken,
    dataDir,
    appRssMb: () => groupRssMb(children[1]?.pid),
    stop,
    cleanUp: () => fs.rmSync(dataDir, { recursive: true, force: true }),
  };
}
