import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/server/db/connect";
import { smtpSettings } from "@/server/db/schema";
import { decryptSecret, encryptSecret } from "@/server/crypto";
import type { SmtpConfig, TlsMode } from "./email";

export const SMTP_ROW = "default";
const ref = { table: "smtp_settings", id: SMTP_ROW } as const;

/** The SMTP settings with the password decrypted: for sending only, never for a page or a result. */
export async function readSmtpConfig(db: Db): Promise<SmtpConfig | null> {
  const [r] = await db.select().from(smtpSettings).where(eq(smtpSettings.id, SMTP_ROW));
  if (!r) return null;
  return { host: r.host, port: r.port, tlsMode: r.tlsMode as TlsMode, username: r.username, password: r.passwordEnc ? decryptSecret(r.passwordEnc, ref) : null, sender: r.sender };
}

/** What the settings form shows: everything but the password, of which only whether one is stored. */
export interface SmtpSettingsDto {
  host: string;
  port: number;
  tlsMode: TlsMode;
  username: string;
  sender: string;
  hasPassword: boolean;
}

export async function smtpSettingsDto(db: Db): Promise<SmtpSettingsDto | null> {
  const [r] = await db.select().from(smtpSettings).where(eq(smtpSettings.id, SMTP_ROW));
  return r ? { host: r.host, port: r.port, tlsMode: r.tlsMode as TlsMode, username: r.username ?? "", sender: r.sender, hasPassword: !!r.passwordEnc } : null;
}

/** Saves the settings; an empty password keeps the stored one (the field is write-only). */
export async function saveSmtpSettings(db: Db, s: { host: string; port: number; tlsMode: TlsMode; username: string; password: string; sender: string }): Promise<void> {
  const values = { host: s.host, port: s.port, tlsMode: s.tlsMode, username: s.username || null, sender: s.sender, ...(s.password ? { passwordEnc: encryptSecret(s.password, ref) } : {}) };
  await db.insert(smtpSettings).values({ id: SMTP_ROW, ...values }).onConflictDoUpdate({ target: smtpSettings.id, set: values });
}
