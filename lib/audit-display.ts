/**
 * How an audit event is shown, browser-safe: one time format with its zone (table and details
 * alike), and what the target names (a number of a space, the whole space, the app settings).
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
      timeZoneName: "shortOffset",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/**
 * "2026-12-01 20:48:09 UTC+8": the same digits in both languages, with the offset of `timeZone`
 * at that moment (so summer time shows). An unknown zone falls back to UTC.
 */
export function formatAuditTime(at: string | Date, timeZone: string): string {
  const date = typeof at === "string" ? new Date(at) : at;
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = formatterFor(timeZone).formatToParts(date);
  } catch {
    parts = formatterFor("UTC").formatToParts(date);
  }
  const p = (type: Intl.DateTimeFormatPartTypes) => parts.find((x) => x.type === type)?.value ?? "";
  // Intl names offsets "GMT+8" (zero as "GMT", "UTC" or "UTC+0" by runtime); the console says UTC.
  const zone = p("timeZoneName").replace(/^GMT/, "UTC").replace(/^UTC[+-]0(?::00)?$/, "UTC") || "UTC";
  return `${p("year")}-${p("month")}-${p("day")} ${p("hour")}:${p("minute")}:${p("second")} ${zone}`;
}

/** Operations whose target is a phone number (digits: country code + national number). */
const PHONE_TARGET = /^(phoneNumbers|qrCodes|encryptionKeys)\.|^webhooks\.(updatePhone|testDelivery)$|^automation\.update$|^bulk\.(webhook|encryptionKey|automation|profile)$/;

export type AuditTargetView =
  | { kind: "phone"; phone: string; href: string | null }
  | { kind: "space" }
  | { kind: "settings" }
  | { kind: "text"; text: string }
  | { kind: "none" };

/** What an event's target is; a number links to its page when the event names a space that still exists. */
export function auditTargetView(e: { operation: string; target: string | null; spaceId: string | null; spaceName: string | null }): AuditTargetView {
  const { target } = e;
  if (!target) return { kind: "none" };
  if (target === "space" && e.operation.startsWith("webhooks.")) return { kind: "space" };
  // webhooks.allowPrivateAddresses: the former on/off switch, still shown for old rows.
  if (target === "settings" && (e.operation === "webhooks.allowedNetworks" || e.operation === "webhooks.allowPrivateAddresses")) return { kind: "settings" };
  if (PHONE_TARGET.test(e.operation) && /^\d{6,15}$/.test(target)) {
    const href = e.spaceId && e.spaceName !== null ? `/s/${encodeURIComponent(e.spaceId)}/phone-numbers/${target}` : null;
    return { kind: "phone", phone: target, href };
  }
  return { kind: "text", text: target };
}

interface Translator {
  (key: string): string;
  has(key: string): boolean;
}

/** The operation's name from the "audit" messages (operations.<area>.<name>); the raw key only for one this build does not know. */
export function operationLabel(t: Translator, operation: string): string {
  const key = `operations.${operation}`;
  return /^[a-z][A-Za-z]*\.[a-z][A-Za-z]*$/.test(operation) && t.has(key) ? t(key) : operation;
}
