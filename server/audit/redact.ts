// Field names whose values never reach the audit log (or a log line), at any depth.
const SECRET_KEY = /secret|password|passwd|token|private|authorization|cookie|^pem$|encryptionpublickey|accesskeysecret/i;
const PRIVATE_KEY_TEXT = /-----BEGIN [A-Z ]*PRIVATE KEY-----/;

export const REDACTED = "[redacted]";

/** PostgreSQL text and jsonb cannot hold U+0000: a hostile input keeps its shape with U+FFFD instead. */
export const storable = (s: string) => (s.includes("\u0000") ? s.replaceAll("\u0000", "\uFFFD") : s);

/** A deep copy of `input` with secrets replaced; bounded in depth and size. */
export function redact(input: unknown, depth = 0): unknown {
  if (depth > 6) return "[depth]";
  if (input === null || input === undefined) return input;
  if (typeof input === "string") {
    if (PRIVATE_KEY_TEXT.test(input)) return REDACTED;
    return storable(input.length > 2000 ? `${input.slice(0, 2000)}…` : input);
  }
  if (typeof input !== "object") return input;
  if (Array.isArray(input)) return input.slice(0, 200).map((v) => redact(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(input as Record<string, unknown>)) {
    if (k === "__proto__" || k === "constructor" || k === "prototype") continue;
    out[storable(k)] = SECRET_KEY.test(k) ? REDACTED : redact(v, depth + 1);
  }
  return out;
}
