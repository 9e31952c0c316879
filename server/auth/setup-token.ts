import "server-only";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { readOrCreateSecretFile } from "./secrets";

/**
 * The first-start token: while setup is open, DATA_DIR/setup.token (mode 0600) holds a random
 * value that the setup page asks for, so whoever reaches a fresh instance first cannot make
 * themselves its administrator. `start:embedded` prints it; it is deleted when setup completes.
 */
export const SETUP_TOKEN_FILE = "setup.token";

export function ensureSetupToken(dir: string): string {
  return readOrCreateSecretFile(dir, SETUP_TOKEN_FILE);
}

/** Compares in constant time; false when there is no token file (setup done, or never opened). */
export function setupTokenMatches(dir: string, given: string): boolean {
  let expected: string;
  try {
    expected = fs.readFileSync(path.join(dir, SETUP_TOKEN_FILE), "utf8").trim();
  } catch {
    return false;
  }
  const digest = (s: string) => crypto.createHash("sha256").update(s).digest();
  return expected.length > 0 && crypto.timingSafeEqual(digest(expected), digest(given.trim()));
}

export function removeSetupToken(dir: string): void {
  fs.rmSync(path.join(dir, SETUP_TOKEN_FILE), { force: true });
}
