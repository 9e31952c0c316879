import "server-only";
import pino from "pino";
import { env } from "@/lib/env";

/**
 * Redaction is belt and braces: code never passes secrets to the logger, and these paths catch a
 * mistake before it reaches a log line.
 */
export const REDACT_PATHS = [
  "accessKeySecret",
  "*.accessKeySecret",
  "AccessKeySecret",
  "*.AccessKeySecret",
  "secret",
  "*.secret",
  "password",
  "*.password",
  "privateKey",
  "*.privateKey",
  "token",
  "*.token",
  "authorization",
  "*.authorization",
  "headers.authorization",
  "headers.cookie",
  "cookie",
];

export interface LoggedError {
  name?: string;
  message?: string;
  stack?: string;
  /** A failed database statement: the engine's error code (SQLSTATE) and the statement's text. */
  code?: string;
  statement?: string;
}

const FAILED_QUERY = /^Failed query: ([\s\S]*?)\nparams: /;

/**
 * What a log line may say about an error. A failed database statement (drizzle's error carries
 * the statement, its bound parameters and the driver's error) is reduced to the error code and
 * the statement's text: parameters are session tokens, password hashes, ciphertexts, and the
 * driver's message and detail can quote them. Also applied to every `err` field by the logger,
 * so an error's message passed on by hand loses its parameters too.
 */
export function errForLog(err: unknown): LoggedError {
  if (err === null || err === undefined) return {};
  const e = err as { name?: unknown; message?: unknown; stack?: unknown; query?: unknown; params?: unknown; cause?: unknown; code?: unknown };
  const message = typeof e.message === "string" ? e.message : undefined;
  const statement = typeof e.query === "string" ? e.query : message ? FAILED_QUERY.exec(message)?.[1] : undefined;
  if (statement !== undefined) {
    const cause = e.cause as { code?: unknown } | undefined;
    const code = [cause?.code, e.code].find((c): c is string => typeof c === "string" && /^[0-9A-Z]{5}$/.test(c));
    return { name: "DatabaseError", message: `database statement failed${code ? ` (${code})` : ""}`, ...(code ? { code } : {}), statement };
  }
  const out: LoggedError = {};
  if (typeof e.name === "string") out.name = e.name;
  if (message !== undefined) out.message = message;
  if (typeof e.stack === "string") out.stack = e.stack;
  return typeof err === "object" ? out : { message: String(err) };
}

const globalForLogger = globalThis as unknown as { __camsLogger?: pino.Logger };

export function getLogger(): pino.Logger {
  if (!globalForLogger.__camsLogger) {
    globalForLogger.__camsLogger = pino(
      { level: env.LOG_LEVEL, redact: { paths: REDACT_PATHS, censor: "[redacted]" }, base: { app: "cams-admin" }, serializers: { err: errForLog } },
      env.LOG_FILE ? pino.destination({ dest: env.LOG_FILE, sync: false, mkdir: true }) : undefined,
    );
  }
  return globalForLogger.__camsLogger;
}

/** Logs carry at most the last four digits of a phone number. */
export function maskPhone(phone: string | undefined | null): string | undefined {
  if (!phone) return undefined;
  const digits = String(phone);
  return digits.length <= 4 ? "****" : `${"*".repeat(Math.min(digits.length - 4, 8))}${digits.slice(-4)}`;
}
