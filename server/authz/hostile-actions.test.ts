import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { encryptSecret } from "@/server/crypto";
import { cloudAccounts, spaces } from "@/server/db/schema";
import { startSandbox, type SandboxHandle } from "@/server/sandbox/server";
import { session, withRoles } from "@/server/test-support";
import { eq } from "drizzle-orm";

vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => undefined, set: () => undefined }),
  headers: async () => new Headers(),
}));

const ACTIONS_DIR = path.join(process.cwd(), "server", "actions");
// Setup signs the caller in through better-auth; it is covered by its own tests and e2e.
const SKIP = new Set(["setup.createFirstAdminAction"]);
const RUNS = 150;

const { database, f } = withRoles();
let sandbox: SandboxHandle;
beforeAll(async () => {
  // The fixture space talks to a real sandbox, so inputs that pass validation reach CAMS's wire.
  const [space] = await database.db.select().from(spaces).where(eq(spaces.id, f.spaceId));
  sandbox = await startSandbox({ spaces: [space!.custSpaceId] });
  const cred = sandbox.credentials[0]!;
  const accId = crypto.randomUUID();
  const [acc] = await database.db
    .insert(cloudAccounts)
    .values({ id: accId, name: "Sandbox", accessKeyId: cred.accessKeyId, accessKeySecretEnc: encryptSecret(cred.accessKeySecret, { table: "cloud_accounts", id: accId }), endpoint: sandbox.endpoint, protocol: "HTTP", isSandbox: true })
    .returning();
  await database.db.update(spaces).set({ accountId: acc!.id }).where(eq(spaces.id, f.spaceId));
});
afterAll(async () => {
  await sandbox?.close();
});

const hostile = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom("", "\u0000", "<img src=x onerror=alert(1)>", "8613800001234", "PNG", "Y", "x".repeat(20_000), "😀".repeat(141)),
  fc.integer(),
  fc.double(),
  fc.constantFrom(null, true, [], {}, Number.MAX_VALUE),
);

describe("hostile input against every action", () => {
  it("never produces an unexpected server error", async () => {
    session.user = f.admin;
    let calls = 0;
    const unexpected: string[] = [];
    for (const file of fs.readdirSync(ACTIONS_DIR).filter((x) => x.endsWith(".ts") && !x.endsWith(".test.ts") && !["safe-action.ts", "errors.ts"].includes(x))) {
      const mod = await import(/* @vite-ignore */ path.join(ACTIONS_DIR, file));
      for (const [name, fn] of Object.entries(mod)) {
        const key = `${file.replace(/\.ts$/, "")}.${name}`;
        if (typeof fn !== "function" || SKIP.has(key)) continue;
        await fc.assert(
          fc.asyncProperty(fc.dictionary(fc.constantFrom("spaceId", "phoneNumber", "name", "url", "prefilledMessage", "code", "__proto__", "constructor", "custSpaceId", "userId", "jobId"), hostile), async (input) => {
            calls++;
            const result = await (fn as (i: unknown) => Promise<{ serverError?: { ref?: string; message: string } }>)({ spaceId: f.spaceId, ...input });
            if (result?.serverError?.ref) unexpected.push(`${key}: ${result.serverError.message}`);
          }),
          { numRuns: RUNS },
        );
      }
    }
    console.log(`hostile action calls: ${calls}`);
    expect(unexpected).toEqual([]);
    expect(calls).toBeGreaterThan(1000);
  }, 240_000);
});
