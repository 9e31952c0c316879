#!/usr/bin/env node
// Starts the dashboard on its embedded defaults: PGlite under ./data and the CAMS sandbox beside it.
// Builds first when there is no production build. Ctrl+C stops both.
import { spawn, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const dataDir = path.resolve(root, process.env.DATA_DIR ?? "data");
const port = Number(process.env.PORT ?? 3000);
const sandboxPort = Number(process.env.CAMS_SANDBOX_PORT ?? 4010);
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

if (!fs.existsSync(path.join(root, process.env.NEXT_DIST_DIR || ".next", "BUILD_ID"))) {
  console.log("No production build yet: building (about a minute)…");
  const r = spawnSync(bin("next"), ["build"], { cwd: root, stdio: "inherit", env: { ...env, NODE_ENV: "production" } });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

// The sandbox's credentials are made once and kept beside the database (mode 0600), so the
// "Sandbox" account in the dashboard keeps working across restarts.
fs.mkdirSync(dataDir, { recursive: true });
const credFile = path.join(dataDir, "sandbox-credentials.json");
if (!fs.existsSync(credFile)) {
  const cred = { accessKeyId: `LTAIsandbox${crypto.randomBytes(6).toString("hex")}`, accessKeySecret: crypto.randomBytes(24).toString("base64url") };
  fs.writeFileSync(credFile, JSON.stringify(cred), { mode: 0o600 });
}
const cred = JSON.parse(fs.readFileSync(credFile, "utf8"));
// The sandbox's control API token: new at every start, known only to the sandbox and the app.
const controlToken = crypto.randomBytes(24).toString("base64url");
const sandboxEnv = {
  ...env,
  CAMS_SANDBOX_ACCESS_KEY_ID: cred.accessKeyId,
  CAMS_SANDBOX_ACCESS_KEY_SECRET: cred.accessKeySecret,
  CAMS_SANDBOX_CONTROL_TOKEN: controlToken,
};

const children = [];
function run(cmd, args, extraEnv, name, { hideSecrets = false } = {}) {
  const child = spawn(cmd, args, { cwd: root, stdio: ["ignore", hideSecrets ? "pipe" : "inherit", "inherit"], env: { ...sandboxEnv, ...extraEnv } });
  // The sandbox prints the secret it accepts (useful when run alone); here it stays in the 0600 file.
  if (hideSecrets) {
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk) => process.stdout.write(chunk.replaceAll(cred.accessKeySecret, "[stored in data/sandbox-credentials.json]")));
  }
  child.on("exit", (code, signal) => {
    console.log(`${name} stopped (${signal ?? code}); stopping the rest.`);
    shutdown(code ?? 1);
  });
  children.push(child);
  return child;
}
let stopping = false;
function shutdown(code = 0) {
  if (stopping) return;
  stopping = true;
  for (const c of children) if (c.exitCode === null) c.kill("SIGTERM");
  setTimeout(() => process.exit(code), 1500).unref();
}
process.on("SIGINT", () => shutdown(0));
process.on("SIGTERM", () => shutdown(0));

run(process.execPath, ["--conditions=react-server", "--import", "tsx", "server/sandbox/cli.ts", "--port", String(sandboxPort)], {}, "sandbox", { hideSecrets: true });

// Wait for the sandbox, so the app links its account and spaces at its first start.
const sandboxUrl = `http://127.0.0.1:${sandboxPort}`;
for (let i = 0; i < 100; i++) {
  try {
    if ((await fetch(`${sandboxUrl}/_sandbox/health`)).ok) break;
  } catch {
    /* not up yet */
  }
  await new Promise((r) => setTimeout(r, 100));
}

run(bin("next"), ["start", "-p", String(port)], { CAMS_SANDBOX_URL: sandboxUrl, CAMS_SANDBOX_LINK: "1", DATA_DIR: dataDir, NODE_ENV: "production", PORT: String(port) }, "dashboard");
// The addresses sign-in is accepted from (server/auth/origins.ts): anything else is refused.
const appUrl = process.env.APP_URL ? new URL(process.env.APP_URL).origin : `http://localhost:${port}`;
const extra = (process.env.TRUSTED_ORIGINS ?? "").split(",").map((o) => o.trim()).filter(Boolean);
const trusted = [...new Set([appUrl, `http://localhost:${port}`, `http://127.0.0.1:${port}`, ...extra])];
console.log(`CAMS Admin: ${appUrl}  (CAMS sandbox on ${sandboxUrl})`);
console.log(`Sign-in is accepted at: ${trusted.join(", ")}`);
console.log("Reached at another address (host name, LAN)? Set APP_URL or TRUSTED_ORIGINS: see README.md.");

// First start: the app writes a one-time setup token beside its database while no administrator
// exists; /setup asks for it. Printed here once the app answers.
const tokenFile = path.join(dataDir, "setup.token");
for (let i = 0; i < 600 && !stopping; i++) {
  try {
    if ((await fetch(`http://127.0.0.1:${port}/sign-in`, { redirect: "manual" })).status > 0) break;
  } catch {
    /* not up yet */
  }
  await new Promise((r) => setTimeout(r, 200));
}
if (fs.existsSync(tokenFile)) {
  console.log(`First start: open ${appUrl}/setup and enter this setup token: ${fs.readFileSync(tokenFile, "utf8").trim()}`);
  console.log(`(It is also in ${tokenFile}, mode 0600, and is deleted once the first administrator exists.)`);
}
