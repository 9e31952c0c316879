import { generateKeyPairSync, randomInt } from "node:crypto";
import { and, eq, gt } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { GENERIC_ERROR_MESSAGE, type ActionServerError } from "@/lib/action-error";
import { OPERATIONS, type OperationName } from "@/lib/cams/operations";
import { camsErrorCodesIn } from "@/lib/i18n/translators";
import type { SessionUser } from "@/server/auth/session";
import { sandboxControl, type Fault } from "@/server/cams/test-utils";
import { encryptSecret } from "@/server/crypto";
import { auditEvents, cloudAccounts, spaces } from "@/server/db/schema";
import { startSandbox, type SandboxHandle } from "@/server/sandbox/server";
import { session, withRoles } from "@/server/test-support";
import { testAccountConnectionAction } from "./accounts";
import { updateEncryptionKeyAction } from "./encryption-keys";
import {
  addPhoneNumberAction,
  deregisterPhoneNumberAction,
  registerPhoneNumberAction,
  requestVerificationCodeAction,
  verifyPhoneNumberAction,
} from "./phone-numbers";
import { createQrCodeAction, deleteQrCodeAction, updateQrCodeAction } from "./qr-codes";
import { updateAccountWebhookAction, updatePhoneWebhookAction } from "./webhooks";
import { updateAutomationAction } from "./automation";

/** Codes with their own explanation in both languages (messages/<locale>/camsErrors.json). */
const KNOWN_CAMS_ERROR_CODES = camsErrorCodesIn("en").filter((c) => camsErrorCodesIn("zh-CN").includes(c));

/**
 * Every action that changes something through CAMS, against every way a CAMS call can fail, with a
 * real sandbox over HTTP and a real PGlite. Each failure must come back as an explained error (a
 * known code, the request id when CAMS gave one, never the generic "something went wrong"), be in
 * the audit log as an error with that code, reach CAMS at most once when the operation is not
 * idempotent, and carry no secret.
 */

// Short deadlines so that timeouts cost little: the client reads them from lib/env at first use.
const TIMEOUT_MS = vi.hoisted(() => {
  const ms = 400;
  process.env.CAMS_TIMEOUT_MS = String(ms);
  process.env.CAMS_CONNECT_TIMEOUT_MS = String(ms);
  return ms;
});

vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => undefined, set: () => undefined }),
  headers: async () => new Headers(),
}));

interface Kind {
  name: string;
  fault: Omit<Fault, "action" | "count">;
  code: string;
  /** CAMS sent a JSON body with its RequestId: the error must carry it. */
  requestId: boolean;
  httpStatus?: number;
  /** A later attempt may succeed, so idempotent operations are retried. */
  retryable: boolean;
}

const KINDS: Kind[] = [
  { name: "timeout", fault: { kind: "latency", latencyMs: TIMEOUT_MS * 3 }, code: "Network.Timeout", requestId: false, retryable: true },
  { name: "HTTP 500", fault: { kind: "http", httpStatus: 500 }, code: "InternalError", requestId: true, httpStatus: 500, retryable: true },
  { name: "HTTP 503", fault: { kind: "http", httpStatus: 503 }, code: "ServiceUnavailable", requestId: true, httpStatus: 503, retryable: true },
  {
    name: "System.LimitControl",
    fault: { kind: "error", code: "System.LimitControl", httpStatus: 400 },
    code: "System.LimitControl",
    requestId: true,
    httpStatus: 400,
    retryable: true,
  },
  { name: "non-JSON body (HTTP 200)", fault: { kind: "malformed" }, code: "Response.Malformed", requestId: false, retryable: false },
  { name: "HTML error page (HTTP 502)", fault: { kind: "malformed", httpStatus: 502 }, code: "Response.Malformed", requestId: false, retryable: false },
  { name: "dropped connection", fault: { kind: "drop" }, code: "Network.Dropped", requestId: false, retryable: true },
  {
    name: "HTTP 200 with an error code",
    fault: { kind: "error", code: "Ram.PermissionDeny" },
    code: "Ram.PermissionDeny",
    requestId: true,
    httpStatus: 200,
    retryable: false,
  },
];

type Result = { data?: unknown; serverError?: ActionServerError; validationErrors?: unknown };
type Input = Record<string, unknown>;

interface ActionCase {
  /** The action's metadata name, which is also the audit operation. */
  name: string;
  operation: OperationName;
  /** Default operator: every space write; the account test is an administrator's. */
  as?: "operator" | "admin";
  /** Retries the client makes for a retryable failure of an idempotent operation (default: camsForSpace's 2). */
  maxRetries?: number;
  /** A valid input; `forSuccess` prepares what the call needs to succeed (a pending code, an existing QR code). */
  input: (forSuccess: boolean) => Promise<Input>;
  run: (input: Input) => Promise<Result>;
  /** Text that must never appear in an error or an audit row of this action. */
  secretsOf?: (input: Input) => string[];
}

const SPACE = `faults-${randomInt(1e6, 1e7)}`;
const { database, f } = withRoles();
let sandbox: SandboxHandle;
let control: ReturnType<typeof sandboxControl>;
let accountId: string;
let secret: string;
/** Verified numbers of the space, one per kind of use so no action disturbs another's state. */
let numbers: { codes: string; register: string; key: string; qr: string; webhook: string };
const unhandled: unknown[] = [];
const onUnhandled = (e: unknown) => void unhandled.push(e);

beforeAll(async () => {
  process.on("unhandledRejection", onUnhandled);
  sandbox = await startSandbox({ spaces: [] });
  control = sandboxControl(sandbox);
  await control.addSpace(SPACE, 5);
  const res = await fetch(`${sandbox.url}/_sandbox/spaces/${SPACE}`);
  const phones = ((await res.json()) as { phoneNumbers: { phoneNumber: string }[] }).phoneNumbers.map((n) => n.phoneNumber);
  expect(phones).toHaveLength(5);
  numbers = { codes: phones[0]!, register: phones[1]!, key: phones[2]!, qr: phones[3]!, webhook: phones[4]! };
  const cred = sandbox.credentials[0]!;
  secret = cred.accessKeySecret;
  const accId = crypto.randomUUID();
  const [acc] = await database.db
    .insert(cloudAccounts)
    .values({ id: accId, name: "Sandbox", accessKeyId: cred.accessKeyId, accessKeySecretEnc: encryptSecret(secret, { table: "cloud_accounts", id: accId }), endpoint: sandbox.endpoint, protocol: "HTTP", isSandbox: true })
    .returning();
  accountId = acc!.id;
  await database.db.update(spaces).set({ accountId, custSpaceId: SPACE }).where(eq(spaces.id, f.spaceId));
});
afterEach(async () => {
  await control.clearFaults();
});
afterAll(async () => {
  process.off("unhandledRejection", onUnhandled);
  await sandbox?.close();
});

const pem = String(generateKeyPairSync("rsa", { modulusLength: 2048 }).publicKey.export({ type: "spki", format: "pem" }));
const pemBody = pem.split("\n").filter((l) => l && !l.startsWith("-----"));
const randomSg = () => `9${String(randomInt(0, 10_000_000)).padStart(7, "0")}`;
const inSpace = (input: Input) => ({ spaceId: f.spaceId, ...input });
const qrInput = () => ({ phoneNumber: numbers.qr, prefilledMessage: `Hello from the fault matrix ${randomInt(1e6)}`, generateQrImage: "PNG" });

async function existingQrCode(): Promise<string> {
  const created = (await createQrCodeAction(inSpace(qrInput()) as never)) as Result;
  const code = (created.data as { code?: { qrdlCode?: string } } | undefined)?.code?.qrdlCode;
  expect(code, JSON.stringify(created.serverError)).toBeTruthy();
  return code!;
}

const CASES: ActionCase[] = [
  {
    name: "phoneNumbers.add",
    operation: "AddChatappPhoneNumber",
    input: async () => inSpace({ country: "SG", nationalNumber: randomSg(), verifiedName: "Fault Matrix Shop" }),
    run: (i) => addPhoneNumberAction(i as never),
  },
  {
    name: "phoneNumbers.requestVerifyCode",
    operation: "GetChatappVerifyCode",
    input: async () => inSpace({ phoneNumber: numbers.codes, method: "SMS", locale: "en_US" }),
    run: (i) => requestVerificationCodeAction(i as never),
  },
  {
    name: "phoneNumbers.verify",
    operation: "ChatappVerifyAndRegister",
    input: async (forSuccess) => {
      if (!forSuccess) return inSpace({ phoneNumber: numbers.codes, code: "123456" });
      const sent = (await requestVerificationCodeAction(inSpace({ phoneNumber: numbers.codes, method: "SMS", locale: "en_US" }) as never)) as Result;
      expect(sent.serverError).toBeUndefined();
      return inSpace({ phoneNumber: numbers.codes, code: await control.code(numbers.codes) });
    },
    run: (i) => verifyPhoneNumberAction(i as never),
    secretsOf: (i) => [String(i.code)],
  },
  {
    name: "phoneNumbers.register",
    operation: "ChatappPhoneNumberRegister",
    input: async () => inSpace({ phoneNumber: numbers.register }),
    run: (i) => registerPhoneNumberAction(i as never),
  },
  {
    name: "phoneNumbers.deregister",
    operation: "ChatappPhoneNumberDeregister",
    input: async () => inSpace({ phoneNumber: numbers.register }),
    run: (i) => deregisterPhoneNumberAction(i as never),
  },
  {
    name: "encryptionKeys.update",
    operation: "UpdatePhoneEncryptionPublicKey",
    input: async () => inSpace({ phoneNumber: numbers.key, publicKey: pem, origin: "pasted" }),
    run: (i) => updateEncryptionKeyAction(i as never),
    secretsOf: () => pemBody,
  },
  {
    name: "qrCodes.create",
    operation: "CreatePhoneMessageQrdl",
    input: async () => inSpace(qrInput()),
    run: (i) => createQrCodeAction(i as never),
  },
  {
    name: "qrCodes.update",
    operation: "UpdatePhoneMessageQrdl",
    // A real code of the number: a made-up one is refused before CAMS (it is not the number's in the inventory).
    input: async () => inSpace({ ...qrInput(), qrdlCode: await existingQrCode() }),
    run: (i) => updateQrCodeAction(i as never),
  },
  {
    name: "qrCodes.delete",
    operation: "DeletePhoneMessageQrdl",
    input: async () => inSpace({ phoneNumber: numbers.qr, qrdlCode: await existingQrCode() }),
    run: (i) => deleteQrCodeAction(i as never),
  },
  {
    name: "webhooks.updatePhone",
    operation: "UpdatePhoneWebhook",
    input: async () =>
      inSpace({ phoneNumber: numbers.webhook, statusCallbackUrl: "https://hooks.example.com/status", upCallbackUrl: "", httpFlag: "Y", queueFlag: "N" }),
    run: (i) => updatePhoneWebhookAction(i as never),
  },
  {
    name: "automation.update",
    operation: "UpdateConversationalAutomation",
    input: async () => inSpace({ phoneNumber: numbers.webhook, enableWelcomeMessage: true, prompts: [{ text: "Where is my order?" }], commands: [{ name: "help", description: "What I can do" }] }),
    run: (i) => updateAutomationAction(i as never),
  },
  {
    name: "webhooks.updateAccount",
    operation: "UpdateAccountWebhook",
    input: async () => inSpace({ statusCallbackUrl: "https://hooks.example.com/space", httpFlag: "Y", queueFlag: "N" }),
    run: (i) => updateAccountWebhookAction(i as never),
  },
  {
    name: "accounts.testConnection",
    operation: "QueryChatappPhoneNumbers",
    as: "admin",
    // "Test connection" reports the first answer as it is.
    maxRetries: 0,
    input: async () => ({ accountId }),
    run: (i) => testAccountConnectionAction(i as never),
  },
];

const user = (c: ActionCase): SessionUser => (c.as === "admin" ? f.admin : f.operator);
// System.LimitControl: CAMS did not run the call, so every operation is sent again (at its next slot).
const retriesOf = (c: ActionCase, k: Kind) =>
  (OPERATIONS[c.operation].idempotent && k.retryable) || k.code === "System.LimitControl" ? (c.maxRetries ?? 2) : 0;

async function lastAuditId(): Promise<number> {
  const rows = await database.db.select({ id: auditEvents.id }).from(auditEvents);
  return rows.reduce((m, r) => Math.max(m, r.id), 0);
}

/** Calls the action once and returns what it answered and the audit rows it wrote. */
async function call(c: ActionCase, input: Input) {
  session.user = user(c);
  await control.resetCalls();
  const since = await lastAuditId();
  const result = await c.run(input);
  const audit = await database.db.select().from(auditEvents).where(and(gt(auditEvents.id, since), eq(auditEvents.operation, c.name)));
  return { result, audit };
}

/** Sends the sandbox counted (on arrival: every attempt of an action has arrived by the time it answers). */
const sends = async (op: OperationName): Promise<number> => (await control.calls()).byAction[op] ?? 0;

describe.each(CASES)("$name ($operation) when CAMS fails", (c) => {
  it.each(KINDS)("$name: explained error, audited, bounded sends, no secret", async (k) => {
    // count -1: the fault lasts, so a retry (were there one) would meet it too and be counted.
    await control.fault({ ...k.fault, action: c.operation, count: -1 } as Fault);
    const input = await c.input(false);
    const { result, audit } = await call(c, input);

    expect(result.data).toBeUndefined();
    expect(result.validationErrors).toBeUndefined();
    const e = result.serverError!;
    expect(e, "a serverError").toBeDefined();
    expect(e.ref, "not an unexpected (generic) error").toBeUndefined();
    expect(e.message).not.toBe(GENERIC_ERROR_MESSAGE);
    expect(e.message.length).toBeGreaterThan(0);
    expect(e.code).toBe(k.code);
    expect(KNOWN_CAMS_ERROR_CODES, "the UI has a plain explanation for the code").toContain(e.code);
    if (k.requestId) expect(e.requestId).toMatch(/^[0-9A-F-]{36}$/);
    else expect(e.requestId).toBeUndefined();
    expect(e.httpStatus).toBe(k.httpStatus);

    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ outcome: "error", errorCode: k.code, requestId: e.requestId ?? null, userId: user(c).id });

    const bound = 1 + retriesOf(c, k);
    if (k.name === "timeout") {
      // A timed-out attempt may reach the sandbox after the action answered, or, when the 400 ms
      // connect deadline passes first on a loaded machine, never: give late arrivals a moment, then
      // the count must not exceed the bound (a non-idempotent send at most once).
      await vi.waitFor(async () => expect(await sends(c.operation)).toBe(bound), { timeout: 2_000, interval: 100 }).catch(() => {});
      expect(await sends(c.operation)).toBeLessThanOrEqual(bound);
    } else expect(await sends(c.operation)).toBe(bound);

    const shown = JSON.stringify(result) + JSON.stringify(audit);
    for (const s of [secret, ...(c.secretsOf?.(input) ?? [])]) expect(shown).not.toContain(s);
    expect(shown).not.toMatch(/string to sign|Signature=|ACS3-HMAC|AccessKeySecret/i);
  });

  it("succeeds once CAMS answers again, so the failures above were the faults'", async () => {
    const input = await c.input(true);
    const { result, audit } = await call(c, input);
    expect(result.serverError).toBeUndefined();
    expect(result.data).toBeDefined();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ outcome: "ok", errorCode: null });
    expect(await sends(c.operation)).toBe(1);
  });
});

describe("non-idempotent operations are never sent twice", () => {
  it("the matrix covers every non-idempotent CAMS operation, each asserted above to be sent exactly once per fault", () => {
    const covered = new Set(CASES.map((c) => c.operation));
    const nonIdempotent = (Object.keys(OPERATIONS) as OperationName[]).filter((op) => !OPERATIONS[op].idempotent);
    expect(nonIdempotent).toEqual(expect.arrayContaining(["AddChatappPhoneNumber", "UpdatePhoneMessageQrdl", "DeletePhoneMessageQrdl"]));
    expect(nonIdempotent.filter((op) => !covered.has(op))).toEqual([]);
  });

  it("a timed-out add that CAMS carried out late is not repeated, and is refused as a duplicate if the user resubmits", async () => {
    const c = CASES[0]!;
    await control.fault({ action: "AddChatappPhoneNumber", kind: "latency", latencyMs: TIMEOUT_MS * 2 });
    const input = await c.input(false);
    const first = await call(c, input);
    expect(first.result.serverError?.code).toBe("Network.Timeout");
    await new Promise((r) => setTimeout(r, TIMEOUT_MS * 2));
    expect(await sends("AddChatappPhoneNumber")).toBe(1);
    const again = await call(c, input);
    expect(again.result.serverError?.code).toBe("InvalidParameter.PhoneNumberExists");
    expect(again.audit[0]).toMatchObject({ outcome: "error", errorCode: "InvalidParameter.PhoneNumberExists" });
  });
});

describe("the process", () => {
  it("saw no unhandled rejection during the whole matrix", () => {
    expect(unhandled).toEqual([]);
  });
});
