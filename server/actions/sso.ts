"use server";

import { revalidatePath } from "next/cache";
import { returnValidationErrors } from "next-safe-action";
import { z } from "zod";
import { SV, parseDomains, ssoSettingsSchema } from "@/lib/schemas/sso";
import { audited } from "@/server/audit";
import { removeSsoSettings, saveSsoSettings } from "@/server/data/sso";
import { adminActionClient } from "./safe-action";

/**
 * Settings → Sign-on: the OpenID Connect provider. The client secret is stored encrypted and
 * never returned or audited; an empty one keeps the stored secret.
 */
export const saveSsoSettingsAction = adminActionClient
  .metadata({ name: "settings.sso" })
  .inputSchema(ssoSettingsSchema)
  .action(async ({ parsedInput: p, ctx }) => {
    const domains = p.access === "domains" ? parseDomains(p.domains) : [];
    const logged = { name: p.name, issuer: p.issuer, clientId: p.clientId, secretChanged: p.clientSecret !== "", access: p.access, domains, defaultRole: p.defaultRole };
    const saved = await audited({ actor: ctx.user, operation: "settings.sso", target: "settings", input: logged }, () =>
      saveSsoSettings({ name: p.name, issuer: p.issuer, clientId: p.clientId, clientSecret: p.clientSecret, access: p.access, domains, defaultRole: p.defaultRole }),
    );
    if (!saved) returnValidationErrors(ssoSettingsSchema, { clientSecret: { _errors: [SV.clientSecret] } });
    revalidatePath("/settings/sign-on");
    return { ok: true };
  });

/** Turns single sign-on off: the sign-in page loses its button; users keep their accounts. */
export const removeSsoSettingsAction = adminActionClient
  .metadata({ name: "settings.ssoRemove" })
  .inputSchema(z.object({}))
  .action(async ({ ctx }) => {
    await audited({ actor: ctx.user, operation: "settings.ssoRemove", target: "settings" }, () => removeSsoSettings());
    revalidatePath("/settings/sign-on");
    return { ok: true };
  });
