"use server";

import { eq } from "drizzle-orm";
import { alertChannelSchema, rotateAlertSecretSchema, smtpSettingsSchema, testEmailSchema } from "@/lib/schemas/alert-channels";
import { audited } from "@/server/audit";
import { getDb } from "@/server/db";
import { spaces } from "@/server/db/schema";
import { rotateAlertSecret, saveAlertChannel } from "@/server/data/alert-channels";
import { readSmtpConfig, saveSmtpSettings } from "@/server/alerts/smtp-settings";
import { sendMail } from "@/server/alerts/email";
import { translatorFor } from "@/lib/i18n/translators";
import { localeOf } from "@/server/alerts/email";
import { ActionError } from "./errors";
import { adminActionClient } from "./safe-action";

async function checkSpace(spaceId: string | null) {
  if (!spaceId) return;
  const [space] = await getDb().select({ id: spaces.id }).from(spaces).where(eq(spaces.id, spaceId));
  if (!space) throw new ActionError("spaceGone", { httpStatus: 404 });
}

/** An admin sets where a rule's alerts go; a new webhook gets a secret, returned this once. */
export const saveAlertChannelAction = adminActionClient
  .metadata({ name: "alerts.setChannels" })
  .inputSchema(alertChannelSchema)
  .action(async ({ parsedInput: p, ctx }) => {
    await checkSpace(p.spaceId);
    const { secret } = await audited({ actor: ctx.user, spaceId: p.spaceId, operation: "alerts.setChannels", target: `${p.spaceId ?? "global"}:${p.kind}`, input: p }, () => saveAlertChannel(p));
    return { secret };
  });

/** A new webhook secret for a rule, shown once; the old one stops verifying at once. */
export const rotateAlertWebhookSecretAction = adminActionClient
  .metadata({ name: "alerts.rotateWebhookSecret" })
  .inputSchema(rotateAlertSecretSchema)
  .action(async ({ parsedInput: p, ctx }) => {
    const secret = await audited({ actor: ctx.user, spaceId: p.spaceId, operation: "alerts.rotateWebhookSecret", target: `${p.spaceId ?? "global"}:${p.kind}`, input: p }, async () => {
      const s = await rotateAlertSecret(p.spaceId, p.kind);
      if (!s) throw new ActionError("notFound", { httpStatus: 404 });
      return s;
    });
    return { secret };
  });

/** The SMTP server for alert mail; the password is write-only (empty keeps the stored one). */
export const saveSmtpSettingsAction = adminActionClient
  .metadata({ name: "alerts.setSmtp" })
  .inputSchema(smtpSettingsSchema)
  .action(async ({ parsedInput: p, ctx }) => {
    await audited({ actor: ctx.user, operation: "alerts.setSmtp", target: "settings", input: { ...p, password: p.password ? "changed" : "kept" } }, () => saveSmtpSettings(getDb(), p));
    return { ok: true };
  });

/** Sends a test mail through the stored SMTP settings, in the admin's language. */
export const sendTestEmailAction = adminActionClient
  .metadata({ name: "alerts.testEmail" })
  .inputSchema(testEmailSchema)
  .action(async ({ parsedInput: p, ctx }) => {
    const smtp = await readSmtpConfig(getDb());
    if (!smtp) throw new ActionError("smtpNotSet");
    const t = translatorFor(localeOf(ctx.user.locale), "alerts");
    await audited({ actor: ctx.user, operation: "alerts.testEmail", target: p.to, input: p }, async () => {
      try {
        await sendMail(smtp, p.to, { subject: t("mail.testSubject"), text: t("mail.testBody") });
      } catch (err) {
        const e = err as { code?: string; responseCode?: number };
        throw new ActionError("smtpFailed", { params: { code: String(e.responseCode ?? e.code ?? "ERROR") } });
      }
    });
    return { ok: true };
  });
