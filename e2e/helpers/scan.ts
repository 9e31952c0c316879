import fs from "node:fs";
import path from "node:path";

/**
 * What must never reach a browser, and where the scanning proxy (e2e/scan-proxy.ts) writes what it
 * found. Shared by the proxy and the Playwright fixture; no Playwright import, so the proxy can run
 * it as a plain Node program.
 */

/** Header of any PEM private key (built here so no key-looking text is committed). */
export const PRIVATE_KEY_HEADER = new RegExp(["-----BEGIN [A-Z0-9 ]*", "PRIVATE", " KEY-----"].join(""));

/** The longest PEM header the pattern can match, for the overlap between scanned chunks. */
const PEM_HEADER_MAX = 64;

export interface ScanEnv {
  dataDir: string;
  /** The sandbox secrets and the admin password of this run. */
  fixed: string[];
}

/** The run's fixed secrets and whatever specs appended to DATA_DIR/known-secrets.txt (16+ characters a line). */
export function knownSecretsOf(env: ScanEnv): string[] {
  const extra = path.join(env.dataDir, "known-secrets.txt");
  const fromSpecs = fs.existsSync(extra)
    ? fs
        .readFileSync(extra, "utf8")
        .split("\n")
        .map((s) => s.trim())
        .filter((s) => s.length >= 16)
    : [];
  return [...env.fixed.filter(Boolean), ...fromSpecs];
}

/** One thing the proxy saw in a response: which secret (by its index, never its text) or a PEM key. */
export interface Finding {
  id: string;
  method: string;
  url: string;
  status: number;
  what: string;
}

export const findingsFile = (dataDir: string) => path.join(path.dirname(dataDir), `${path.basename(dataDir)}.scan.jsonl`);
/** Findings a test planted on purpose and checked (the scanner's own test): ignored afterwards. */
export const acknowledgedFile = (dataDir: string) => path.join(path.dirname(dataDir), `${path.basename(dataDir)}.scan-ack.txt`);

export function readFindings(dataDir: string, fromByte = 0): Finding[] {
  const file = findingsFile(dataDir);
  if (!fs.existsSync(file)) return [];
  const fd = fs.openSync(file, "r");
  try {
    const size = fs.fstatSync(fd).size;
    if (size <= fromByte) return [];
    const buf = Buffer.alloc(size - fromByte);
    fs.readSync(fd, buf, 0, buf.length, fromByte);
    const acked = new Set(fs.existsSync(acknowledgedFile(dataDir)) ? fs.readFileSync(acknowledgedFile(dataDir), "utf8").split("\n") : []);
    return buf
      .toString("utf8")
      .split("\n")
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Finding)
      .filter((f) => !acked.has(f.id));
  } finally {
    fs.closeSync(fd);
  }
}

export const findingsSize = (dataDir: string) => {
  const file = findingsFile(dataDir);
  return fs.existsSync(file) ? fs.statSync(file).size : 0;
};

export function acknowledge(dataDir: string, findings: Finding[]) {
  fs.appendFileSync(acknowledgedFile(dataDir), findings.map((f) => `${f.id}\n`).join(""));
}

/**
 * The session tokens a response hands out in its Set-Cookie lines (`…session_token=<token>.<signature>`):
 * the browser keeps them in an httpOnly cookie, and no body may carry one.
 */
export function sessionTokensOf(setCookie: string[] | string | undefined): string[] {
  const lines = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  return lines
    .map((l) => /^[^=;]*session_token=([^;]*)/.exec(l)?.[1])
    .map((v) => (v ? decodeURIComponent(v).split(".")[0]! : ""))
    .filter((t) => t.length >= 16);
}

/**
 * Scans one response body as it streams: every chunk is searched together with the end of the one
 * before it, so a secret split across chunks is still found. Bytes are read as latin1 (the secrets
 * and PEM headers are ASCII), so a multi-byte character split across chunks cannot hide one.
 */
export function bodyScanner(secrets: string[], sessionTokens: string[] = []) {
  const overlap = Math.max(PEM_HEADER_MAX, ...secrets.map((s) => s.length), ...sessionTokens.map((s) => s.length)) - 1;
  let tail = "";
  const found = new Set<string>();
  return {
    push(chunk: Buffer) {
      const text = tail + chunk.toString("latin1");
      secrets.forEach((s, i) => {
        if (text.includes(s)) found.add(`known secret #${i}`);
      });
      if (sessionTokens.some((s) => text.includes(s))) found.add("a session token");
      if (PRIVATE_KEY_HEADER.test(text)) found.add("a PEM private key");
      tail = text.slice(-overlap);
    },
    found: () => [...found],
  };
}

/** Response types that can carry a secret to a page: HTML, RSC payloads, JSON, text, scripts. */
export const SCANNED_TYPE = /text|json|javascript|x-component/;
