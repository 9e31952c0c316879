import "server-only";
import CamsSdkModule from "@alicloud/cams20200606";
import * as $OpenApi from "@alicloud/openapi-client";
import * as $Util from "@alicloud/tea-util";
import type pino from "pino";
import { z } from "zod";
import { LOCAL_ERROR_CODES } from "@/lib/cams/errors";
import { OPERATIONS, type OperationName } from "@/lib/cams/operations";
import { envelopeSchema } from "@/lib/cams/wire";
import { env } from "@/lib/env";
import { getLogger, maskPhone } from "@/server/logger";
import { recordCamsAttempt, recordLimiterRefusal } from "@/server/metrics/registry";
import { CamsError, sanitizeMessage, toCamsError } from "./errors";
import { currentLane } from "./lane";
import type { RateLimiter } from "./rate-limit";

/** The SDK ships CommonJS with `exports.default`; bundlers and Node's ESM loader disagree on which one `import` gives. */
type SdkClass = typeof CamsSdkModule;
const CamsSdk: SdkClass = (CamsSdkModule as unknown as { default?: SdkClass }).default ?? CamsSdkModule;
export type Sdk = InstanceType<SdkClass>;

export interface CamsAccount {
  /** cloud_accounts.id: the rate-limit budget is per account. */
  id: string;
  accessKeyId: string;
  accessKeySecret: string;
  /** Host[:port], e.g. "cams.ap-southeast-1.aliyuncs.com" or the sandbox's "127.0.0.1:4010". */
  endpoint: string;
  protocol?: "HTTP" | "HTTPS";
}

export interface CamsClientDeps {
  limiter?: RateLimiter;
  logger?: pino.Logger;
  /** Upper bound for one attempt (default env CAMS_TIMEOUT_MS). */
  timeoutMs?: number;
  /**
   * Default env CAMS_CONNECT_TIMEOUT_MS. httpx applies it as the socket's idle timeout, so it also
   * caps the wait for the answer: an attempt times out after min(timeoutMs, connectTimeoutMs).
   */
  connectTimeoutMs?: number;
  /** Retries after the first attempt, for idempotent operations only. Default 2 (3 attempts). */
  maxRetries?: number;
  /** First backoff ceiling; attempt n sleeps a random 0…base·2^(n-1) ms ("full jitter"). */
  retryBaseMs?: number;
  /** CustSpaceId used when an input omits it; also logged. */
  space?: string;
  /** Concurrent identical reads share one request (default true; off where a test counts sends). */
  shareReads?: boolean;
}

export interface CamsResult<T> {
  data: T;
  requestId: string | undefined;
}

type Body = Record<string, unknown>;

export interface CallSpec<T> {
  operation: OperationName;
  /** Logged masked only. */
  phone?: string;
  custSpaceId?: string;
  send: (sdk: Sdk, runtime: $Util.RuntimeOptions) => Promise<{ body?: unknown }>;
  /** Picks the payload out of a successful body; a zod failure becomes Response.Invalid. */
  parse: (body: Body) => T;
  /**
   * For reads: what identifies the request (its parsed input). Concurrent calls of one account
   * with the same operation and identity share one request (see `inFlight`).
   */
  share?: unknown;
}

export interface Caller {
  call<T>(spec: CallSpec<T>): Promise<CamsResult<T>>;
  /** zod-parses an input; failures become CamsError Request.Invalid naming fields, never values. */
  input<S extends z.ZodType>(operation: OperationName, schema: S, raw: unknown): z.output<S>;
  /** The input's CustSpaceId or the client's default; Request.Invalid when the operation needs one and neither is set. */
  spaceFor(operation: OperationName, custSpaceId: string | undefined): string | undefined;
}

/** CAMS's throttling answer: the call was not run. */
const LIMIT_CONTROL = "System.LimitControl";
const LIMITED_SECOND_MS = 1000;
/** Lets the SDK's own timer win when it works, so the socket gets aborted too. */
const DEADLINE_GRACE_MS = 25;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
/** Long digit runs in server messages are probably phone numbers. */
const maskDigits = (s: string) => s.replace(/\d{7,}/g, (d) => maskPhone(d) ?? "");

/**
 * Reads in flight, per account, operation and input: fifty people opening the same space's list
 * at once cost one call of the account's budget, not fifty queued behind the rate limiter. Only
 * requests still running are shared (nothing is cached), and any change through the same account
 * ends the sharing of reads that started before it, so a read after a change sees the change.
 */
const inFlight = new Map<string, Promise<CamsResult<unknown>>>();
const accountPrefix = (account: CamsAccount) => `${account.id}\u0000${account.endpoint}\u0000`;

function forgetReadsOf(account: CamsAccount) {
  const prefix = accountPrefix(account);
  for (const key of inFlight.keys()) if (key.startsWith(prefix)) inFlight.delete(key);
}

export function createCaller(account: CamsAccount, deps: CamsClientDeps): Caller {
  const timeoutMs = deps.timeoutMs ?? env.CAMS_TIMEOUT_MS;
  const connectTimeoutMs = deps.connectTimeoutMs ?? env.CAMS_CONNECT_TIMEOUT_MS;
  const maxRetries = Math.max(0, deps.maxRetries ?? 2);
  const retryBaseMs = deps.retryBaseMs ?? 200;
  const secrets = [account.accessKeySecret];
  const log = (deps.logger ?? getLogger()).child({ component: "cams", accountId: account.id });
  const sdk = new CamsSdk(
    new $OpenApi.Config({
      accessKeyId: account.accessKeyId,
      accessKeySecret: account.accessKeySecret,
      endpoint: account.endpoint,
      protocol: account.protocol ?? "HTTPS",
      readTimeout: timeoutMs,
      connectTimeout: connectTimeoutMs,
    }),
  );
  // The SDK's own retry loop is off: it would retry non-idempotent operations too, and without our limiter.
  const runtime = () =>
    new $Util.RuntimeOptions({ autoretry: false, maxAttempts: 1, readTimeout: timeoutMs, connectTimeout: connectTimeoutMs });

  async function attempt<T>(spec: CallSpec<T>): Promise<CamsResult<T>> {
    let res: { body?: unknown };
    let timer: ReturnType<typeof setTimeout> | undefined;
    // Our own deadline as well as the SDK's: tea-util reads response bodies without clearing
    // httpx's read timer, and that stale timer later cancels the read timer of the next request
    // on the same keep-alive socket, which then never times out.
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new CamsError({ code: LOCAL_ERROR_CODES.timeout, message: "CAMS did not answer in time.", operation: spec.operation })),
        timeoutMs + DEADLINE_GRACE_MS,
      );
    });
    try {
      res = await Promise.race([spec.send(sdk, runtime()), deadline]);
    } catch (err) {
      throw toCamsError(err, spec.operation, { secrets });
    } finally {
      clearTimeout(timer);
    }
    const envelope = envelopeSchema.safeParse(res?.body);
    if (!envelope.success) throw invalid(spec.operation, envelope.error, undefined);
    const { code, message, requestId, accessDeniedDetail } = envelope.data;
    if (code !== "OK") {
      // CAMS business errors come back as HTTP 200 with Code != "OK"; the SDK resolves on them.
      throw new CamsError({
        code,
        message: sanitizeMessage(message || code, secrets),
        operation: spec.operation,
        requestId: requestId ?? undefined,
        httpStatus: 200,
        accessDeniedDetail: accessDeniedDetail ?? undefined,
      });
    }
    try {
      return { data: spec.parse(res.body as Body), requestId: requestId ?? undefined };
    } catch (err) {
      throw invalid(spec.operation, err, requestId ?? undefined);
    }
  }

  async function callOnce<T>(spec: CallSpec<T>): Promise<CamsResult<T>> {
      const idempotent = OPERATIONS[spec.operation].idempotent;
      const base = {
        operation: spec.operation,
        space: spec.custSpaceId ?? deps.space,
        ...(spec.phone ? { phone: maskPhone(spec.phone) } : {}),
      };
      for (let n = 1; ; n++) {
        const lane = currentLane();
        let waitedMs = 0;
        let slotDone = () => {};
        try {
          if (deps.limiter) ({ waitedMs, done: slotDone } = await deps.limiter.acquire(account.id, spec.operation, { lane }));
        } catch (err) {
          recordLimiterRefusal(account.id, spec.operation, lane);
          throw err;
        }
        const started = performance.now();
        try {
          const result = await attempt(spec).finally(slotDone);
          const durationMs = Math.round(performance.now() - started);
          recordCamsAttempt(account.id, spec.operation, lane, waitedMs, "ok");
          log.info({ ...base, attempt: n, waitedMs, durationMs, requestId: result.requestId, outcome: "ok" }, "cams call");
          return result;
        } catch (err) {
          const e = toCamsError(err, spec.operation, { secrets });
          recordCamsAttempt(account.id, spec.operation, lane, waitedMs, e.code === LIMIT_CONTROL ? "limit_control" : "error");
          // System.LimitControl means CAMS refused the call before running it: any operation may
          // be sent again, at its next slot of the limiter (no backoff: the slot is the wait).
          const limited = e.code === LIMIT_CONTROL && n <= maxRetries;
          const retry = limited || (idempotent && e.retryable && n <= maxRetries);
          log.warn(
            {
              ...base,
              attempt: n,
              waitedMs,
              durationMs: Math.round(performance.now() - started),
              requestId: e.requestId,
              outcome: retry ? "retry" : "error",
              errorCode: e.code,
              httpStatus: e.httpStatus,
              errorMessage: maskDigits(e.message),
            },
            "cams call failed",
          );
          if (!retry) throw e;
          // Without a limiter nothing spaces the attempts: a refused second is waited out first
          // (CAMS budgets are per second), or every retry lands in the same refused second.
          if (!limited) await sleep(Math.random() * retryBaseMs * 2 ** (n - 1));
          else if (!deps.limiter) await sleep(LIMITED_SECOND_MS + Math.random() * retryBaseMs);
        }
      }
  }

  return {
    async call<T>(spec: CallSpec<T>): Promise<CamsResult<T>> {
      if (spec.share === undefined || deps.shareReads === false) {
        try {
          return await callOnce(spec);
        } finally {
          forgetReadsOf(account);
        }
      }
      const key = accountPrefix(account) + spec.operation + "\u0000" + JSON.stringify(spec.share);
      const running = inFlight.get(key) as Promise<CamsResult<T>> | undefined;
      // Each joiner gets its own copy: callers may sort or change what they got.
      if (running) return structuredClone(await running);
      const mine = callOnce(spec);
      inFlight.set(key, mine);
      try {
        return await mine;
      } finally {
        if (inFlight.get(key) === mine) inFlight.delete(key);
      }
    },

    input(operation, schema, raw) {
      const parsed = schema.safeParse(raw ?? {});
      if (parsed.success) return parsed.data;
      const fields = parsed.error.issues.map((i) => `${i.path.join(".") || "input"}: ${i.message}`);
      throw new CamsError({
        code: LOCAL_ERROR_CODES.badInput,
        message: `Invalid input for ${operation}. ${fields.join("; ")}`,
        operation,
        retryable: false,
      });
    },

    spaceFor(operation, custSpaceId) {
      const space = custSpaceId ?? deps.space;
      if (!space && (OPERATIONS[operation].required as readonly string[]).includes("CustSpaceId")) {
        throw new CamsError({
          code: LOCAL_ERROR_CODES.badInput,
          message: `Invalid input for ${operation}. custSpaceId: required`,
          operation,
          retryable: false,
        });
      }
      return space;
    },
  };
}

function invalid(operation: OperationName, err: unknown, requestId: string | undefined): CamsError {
  const detail =
    err instanceof z.ZodError
      ? err.issues
          .slice(0, 3)
          .map((i) => `${i.path.join(".") || "body"}: ${i.message}`)
          .join("; ")
      : "unreadable payload";
  return new CamsError({
    code: LOCAL_ERROR_CODES.invalid,
    message: `CAMS answered ${operation} in an unexpected shape (${detail}).`,
    operation,
    requestId,
    retryable: false,
  });
}
