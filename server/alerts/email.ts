import "server-only";
import nodemailer from "nodemailer";
import { DEFAULT_LOCALE, isLocale, type Locale } from "@/lib/i18n/config";
import { translatorFor } from "@/lib/i18n/translators";
import type { AlertDetail } from "./detail";

export type TlsMode = "tls" | "starttls" | "none";

/** What nodemailer needs; the password already decrypted (it never leaves the server). */
export interface SmtpConfig {
  host: string;
  port: number;
  tlsMode: TlsMode;
  username: string | null;
  password: string | null;
  sender: string;
}

export const SMTP_TIMEOUT_MS = 10_000;

function transportOf(c: SmtpConfig) {
  return nodemailer.createTransport({
    host: c.host,
    port: c.port,
    // "tls": implicit TLS from the first byte; "starttls": refuse to go on in clear text; "none": a local relay.
    secure: c.tlsMode === "tls",
    requireTLS: c.tlsMode === "starttls",
    ignoreTLS: c.tlsMode === "none",
    auth: c.username ? { user: c.username, pass: c.password ?? "" } : undefined,
    connectionTimeout: SMTP_TIMEOUT_MS,
    greetingTimeout: SMTP_TIMEOUT_MS,
    socketTimeout: SMTP_TIMEOUT_MS,
    // nodemailer's own logging would print the conversation, AUTH included.
    logger: false,
    debug: false,
  });
}

export const localeOf = (l: string | null | undefined): Locale => (isLocale(l) ? l : DEFAULT_LOCALE);

/** Subject and text of one alert mail in one language. */
export function composeAlertMail(d: AlertDetail, locale: Locale, appUrl: string): { subject: string; text: string } {
  const t = translatorFor(locale, "alerts");
  const title = t(`${d.state === "recovery" ? "recovery" : "alert"}.${d.kind}`);
  const when = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" }).format(d.observedAt);
  const link = `${appUrl}/s/${encodeURIComponent(d.spaceId)}/phone-numbers/${encodeURIComponent(d.phoneNumber)}/history`;
  const none = t("mail.none");
  const values = { title, phone: d.phoneNumber, space: d.spaceName ?? d.spaceId, field: d.field, old: d.oldValue ?? none, new: d.newValue ?? none, when: `${when} UTC`, link };
  return { subject: t("mail.subject", values), text: t("mail.body", values) };
}

/** Sends one mail; throws what the server or the network said (the caller records it). */
export async function sendMail(c: SmtpConfig, to: string, mail: { subject: string; text: string }): Promise<void> {
  const transport = transportOf(c);
  try {
    await transport.sendMail({ from: c.sender, to, subject: mail.subject, text: mail.text });
  } finally {
    transport.close();
  }
}
