import "server-only";
import { Writable } from "node:stream";
import pino from "pino";
import type { OperationName } from "@/lib/cams/operations";
import type { Database } from "@/server/db/connect";
import { openTestDatabase } from "@/server/db/test-db";
import { startSandbox, type SandboxHandle } from "@/server/sandbox/server";
import { createCamsClient, type CamsClientDeps } from "./client";

/** Test-only helpers: a real sandbox over HTTP and its control API. Imported by *.test.ts only. */

export interface Calls {
  byAction: Partial<Record<OperationName, number>>;
  limitControl: number;
  limitControlByAction: Partial<Record<OperationName, number>>;
  total: number;
}

export interface Fault {
  action?: OperationName;
  kind: "error" | "http" | "latency" | "malformed" | "drop";
  code?: string;
  httpStatus?: number;
  latencyMs?: number;
  count?: number;
}

export function sandboxControl(sb: SandboxHandle) {
  const req = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${sb.url}/_sandbox/${path}`, {
      method,
      headers: { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`sandbox ${method} ${path}: HTTP ${res.status} ${await res.text()}`);
    return res.json() as Promise<unknown>;
  };
  return {
    fault: (f: Fault) => req("POST", "faults", f),
    clearFaults: () => req("DELETE", "faults"),
    calls: () => req("GET", "calls") as Promise<Calls>,
    resetCalls: () => req("DELETE", "calls"),
    reset: () => req("POST", "reset"),
    addSpace: (custSpaceId: string, numbers = 0) => req("POST", "spaces", { custSpaceId, numbers }),
    code: async (phone: string) => ((await req("GET", `codes/${phone}`)) as { code: string }).code,
  };
}

/** A sandbox with these (empty) spaces, and a migrated in-memory PGlite when `withDatabase`. */
export async function startFixture(spaces = ["space-a"], { withDatabase = false } = {}) {
  const sandbox = await startSandbox({ spaces });
  let db: Database | undefined;
  if (withDatabase) {
    db = await openTestDatabase("pglite");
  }
  const control = sandboxControl(sandbox);
  const [credential] = sandbox.credentials;
  const account = (id = "acct-1", secret = credential.accessKeySecret) => ({
    id,
    accessKeyId: credential.accessKeyId,
    accessKeySecret: secret,
    endpoint: sandbox.endpoint,
    protocol: "HTTP" as const,
  });
  const client = (deps: CamsClientDeps = {}, id?: string) =>
    createCamsClient(account(id), { logger: silentLogger(), space: spaces[0], retryBaseMs: 10, ...deps });
  return {
    sandbox,
    /** Throws unless started `withDatabase`. */
    get database(): Database {
      if (!db) throw new Error("fixture started without a database");
      return db;
    },
    control,
    credential,
    account,
    client,
    close: async () => {
      await sandbox.close();
      await db?.close();
    },
  };
}

export const silentLogger = () => pino({ level: "silent" });

/** A logger whose JSON lines land in memory, to assert what was (not) logged. */
export function captureLogger() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const logger = pino({ level: "debug" }, stream);
  return { logger, text: () => lines.join(""), records: () => lines.join("").split("\n").filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>) };
}
