import "server-only";
import pLimit from "p-limit";
import { hashPassword, verifyPassword } from "better-auth/crypto";
import { env } from "@/lib/env";

export interface PasswordFns {
  hash: (password: string) => Promise<string>;
  verify: (data: { hash: string; password: string }) => Promise<boolean>;
}

/**
 * Password hashing and checks (scrypt, CPU-bound) through one queue per instance: at most `limit`
 * run at once, whatever arrives, so a burst of sign-ins cannot take the CPU from everyone else.
 */
export function limitedPasswordFns(limit: number, impl: PasswordFns = { hash: hashPassword, verify: verifyPassword }): PasswordFns {
  const queue = pLimit(limit);
  return {
    hash: (password) => queue(() => impl.hash(password)),
    verify: (data) => queue(() => impl.verify(data)),
  };
}

const globalForPassword = globalThis as unknown as { __camsPasswordFns?: PasswordFns };

export function passwordFns(): PasswordFns {
  globalForPassword.__camsPasswordFns ??= limitedPasswordFns(env.SIGNIN_MAX_CONCURRENT_CHECKS);
  return globalForPassword.__camsPasswordFns;
}
