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

const globalForLogger = globalThis as unknown as { __camsLogger?: pino.Logger };

export function getLogger(): pino.Logger {
  if (!globalForLogger.__camsLogger) {
    globalForLogger.__camsLogger = pino(
      { level: env.LOG_LEVEL, redact: { paths: REDACT_PATHS, censor: "[redacted]" }, base: { app: "cams-admin" } },
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
