import "server-only";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { encryptWith, loadKeyring } from "@/server/crypto";
import type { CreateBulkJobInput } from "@/lib/schemas/bulk";
import type { Db } from "@/server/db/connect";
import { cloudAccounts, jobItems, jobs, spaces } from "@/server/db/schema";
import type { SandboxHandle } from "@/server/sandbox/server";

/** Test-only helpers for the job worker (imported by *.test.ts and bench/bulk only). */

/**
 * The key sandbox accounts are encrypted with: under Vitest the run's own (vitest.config.mts), which
 * the app's keyring of every test file and every child worker holds; elsewhere (bench/bulk) a fixed
 * one the bench hands to its workers.
 */
export const TEST_KEY = process.env.ENCRYPTION_KEY ?? Buffer.alloc(32, 11).toString("base64");
export const TEST_KEY_ID = process.env.ENCRYPTION_KEY ? (process.env.ENCRYPTION_KEY_ID ?? "v1") : "v1";

export interface SandboxCalls {
  byAction: Record<string, number>;
  limitControl: number;
  limitControlByAction: Record<string, number>;
  total: number;
}

export interface SandboxNumber {
  phoneNumber: string;
  statusCallbackUrl: string;
  upCallbackUrl: string;
  key: { pem: string; status: string } | null;
}

export function sandboxApi(sb: Pick<SandboxHandle, "url">) {
  const req = async <T>(method: string, p: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${sb.url}/_sandbox/${p}`, {
      method,
      headers: body === undefined ? undefined : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok && res.status !== 409) throw new Error(`sandbox ${method} ${p}: HTTP ${res.status}`);
    return (await res.json()) as T;
  };
  return {
    addSpace: (custSpaceId: string, numbers: number) => req("POST", "spaces", { custSpaceId, name: custSpaceId, numbers }),
    numbers: async (custSpaceId: string) =>
      (await req<{ phoneNumbers: SandboxNumber[] }>("GET", `spaces/${encodeURIComponent(custSpaceId)}`)).phoneNumbers,
    calls: () => req<SandboxCalls>("GET", "calls"),
    resetCalls: () => req("DELETE", "calls"),
    fault: (f: Record<string, unknown>) => req("POST", "faults", f),
    clearFaults: () => req("DELETE", "faults"),
    /** Sets a number's fields as CAMS, WhatsApp or another tool would (PascalCase wire names). */
    patchNumber: (phone: string, fields: Record<string, string>) => req("PATCH", `numbers/${encodeURIComponent(phone)}`, fields),
    /** A QR code made outside the console. */
    addQrCode: (phone: string, prefilledMessage: string) =>
      req<{ qrdlCode: string }>("POST", `numbers/${encodeURIComponent(phone)}/qr-codes`, { prefilledMessage }),
  };
}

/**
 * A cloud account for the sandbox whose secret is encrypted with TEST_KEY, so any process given
 * ENCRYPTION_KEY=TEST_KEY (a child worker, the app) can decrypt it.
 */
export async function insertSandboxAccount(db: Db, sb: SandboxHandle): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cams-jobs-"));
  try {
    const ring = loadKeyring(dir, { key: TEST_KEY, keyId: TEST_KEY_ID });
    const [cred] = sb.credentials;
    const id = crypto.randomUUID();
    const [row] = await db
      .insert(cloudAccounts)
      .values({
        id,
        name: "Sandbox",
        accessKeyId: cred!.accessKeyId,
        accessKeySecretEnc: encryptWith(ring, cred!.accessKeySecret, { table: "cloud_accounts", id }),
        endpoint: sb.endpoint,
        protocol: "HTTP",
        isSandbox: true,
      })
      .returning({ id: cloudAccounts.id });
    return row!.id;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function insertSpace(db: Db, accountId: string, custSpaceId: string): Promise<string> {
  const [row] = await db.insert(spaces).values({ name: custSpaceId, custSpaceId, accountId }).returning({ id: spaces.id });
  return row!.id;
}

export async function jobRow(db: Db, jobId: string) {
  const [j] = await db.select().from(jobs).where(eq(jobs.id, jobId));
  return j!;
}

export async function itemRows(db: Db, jobId: string) {
  return db.select().from(jobItems).where(eq(jobItems.jobId, jobId));
}

export async function waitFor<T>(what: string, fn: () => Promise<T | null | undefined | false>, timeoutMs = 30_000, everyMs = 100): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** A new job's input as the wizard sends it: the fields of the other kinds at their defaults. */
export function jobInput(kind: CreateBulkJobInput["kind"], targets: CreateBulkJobInput["targets"], fields: Partial<CreateBulkJobInput> = {}): CreateBulkJobInput {
  return { kind, targets, statusCallbackUrl: "", upCallbackUrl: "", httpFlag: "Y", queueFlag: "N", publicKey: "", origin: "pasted", ...fields };
}

/** Runs `worker` until the job has finished, then stops it: the job's row as it ended. */
export async function runJobToEnd(db: Db, jobId: string, worker: { start(): void; stop(): Promise<void> }, timeoutMs = 30_000) {
  worker.start();
  try {
    return await waitFor("job to finish", async () => {
      const j = await jobRow(db, jobId);
      return j.finishedAt ? j : null;
    }, timeoutMs);
  } finally {
    await worker.stop();
  }
}

/** The most calls any one-second window holds, from finish times (ms). */
export function maxPerSecond(times: number[]): number {
  const t = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; i < t.length; i++) {
    while (t[i]! - t[j]! >= 1000) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}
