/**
 * Starts what the benchmark measures, on free ports and a throw-away data directory: the CAMS
 * sandbox (with a 1,000-number space) and `next start` of the existing production build.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "../..");

/**
 * The environment of a bench stack's sandbox and app: the sandbox's key pair, its control API
 * token (made here), and the app told to link it (a plain start links none unless asked).
 */
export function stackEnv(keyId: string, secret: string) {
  const controlToken = crypto.randomBytes(18).toString("base64url");
  const env = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    CAMS_SANDBOX_ACCESS_KEY_ID: keyId,
    CAMS_SANDBOX_ACCESS_KEY_SECRET: secret,
    CAMS_SANDBOX_CONTROL_TOKEN: controlToken,
    CAMS_SANDBOX_LINK: "1",
  };
  return { controlToken, env };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

async function waitFor(url: string, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    try {
      const res = await fetch(url, { redirect: "manual" });
      if (res.status < 500) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not come up in ${timeoutMs} ms`);
}

export interface Stack {
  appUrl: string;
  sandboxUrl: string;
  /** The first-start token the app wrote into its data directory (the setup form asks for it). */
  setupToken(): string;
  stop(): Promise<void>;
}

export async function startStack(opts: { numbers: number; custSpaceId: string; name: string }): Promise<Stack> {
  if (!fs.existsSync(path.join(ROOT, ".next", "BUILD_ID"))) {
    console.log("No production build: running `next build` first…");
    const r = spawnSync(path.join(ROOT, "node_modules/.bin/next"), ["build"], { cwd: ROOT, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
    if (r.status !== 0) throw new Error("next build failed");
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "cams-bench-phone-list-"));
  const [appPort, sandboxPort] = [await freePort(), await freePort()];
  const keyId = `LTAIbench${crypto.randomBytes(4).toString("hex")}`;
  const secret = crypto.randomBytes(18).toString("base64url");
  const sandboxUrl = `http://127.0.0.1:${sandboxPort}`;
  const appUrl = `http://127.0.0.1:${appPort}`;
  const children: ChildProcess[] = [];
  const { controlToken, env } = stackEnv(keyId, secret);
  const log = fs.openSync(path.join(dataDir, "servers.log"), "a");

  const stop = async () => {
    for (const c of children) if (c.exitCode === null) c.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 500));
    for (const c of children) if (c.exitCode === null) c.kill("SIGKILL");
    fs.rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    children.push(
      spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "server/sandbox/cli.ts", "--port", String(sandboxPort)], {
        cwd: ROOT,
        env,
        stdio: ["ignore", log, log],
      }),
    );
    await waitFor(`${sandboxUrl}/_sandbox/health`, 30_000);
    // Before the app starts: it links every sandbox space at boot.
    const res = await fetch(`${sandboxUrl}/_sandbox/spaces`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${controlToken}` },
      body: JSON.stringify({ custSpaceId: opts.custSpaceId, name: opts.name, numbers: opts.numbers }),
    });
    if (!res.ok) throw new Error(`sandbox refused the bench space: ${res.status}`);

    children.push(
      spawn(path.join(ROOT, "node_modules/.bin/next"), ["start", "-p", String(appPort), "-H", "127.0.0.1"], {
        cwd: ROOT,
        env: { ...env, DATA_DIR: dataDir, APP_URL: appUrl, CAMS_SANDBOX_URL: sandboxUrl, LOG_LEVEL: "warn" },
        stdio: ["ignore", log, log],
      }),
    );
    await waitFor(`${appUrl}/sign-in`, 120_000);
  } catch (e) {
    await stop();
    throw e;
  }
  return { appUrl, sandboxUrl, setupToken: () => fs.readFileSync(path.join(dataDir, "setup.token"), "utf8").trim(), stop };
}
