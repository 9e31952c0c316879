"use server";

import { headers } from "next/headers";
import { setupSchema } from "@/lib/schemas/auth";
import { getAuth } from "@/server/auth/auth";
import { removeSetupToken, setupTokenMatches } from "@/server/auth/setup-token";
import { recordAudit } from "@/server/audit";
import { claimSetupIn } from "@/server/data/settings";
import { createFirstAdmin } from "@/server/data/users";
import { dataDir, ensureMigrated } from "@/server/db";
import { ActionError } from "./errors";
import { actionClient } from "./safe-action";

/**
 * The first-run page's only action: needs the one-time setup token, works once, then never again.
 * The admin and the closing of setup are one transaction: a failure leaves setup open.
 */
export const createFirstAdminAction = actionClient
  .metadata({ name: "setup.createFirstAdmin" })
  .inputSchema(setupSchema)
  .action(async ({ parsedInput }) => {
    await ensureMigrated();
    if (!setupTokenMatches(dataDir(), parsedInput.setupToken)) throw new ActionError("setupTokenWrong", { httpStatus: 403 });
    const created = await createFirstAdmin(parsedInput, (tx) => claimSetupIn(tx));
    if (!created) throw new ActionError("setupDone", { httpStatus: 403 });
    removeSetupToken(dataDir());
    const { id } = created;
    await recordAudit({
      actor: { id, email: parsedInput.email },
      operation: "setup.createFirstAdmin",
      target: parsedInput.email,
      input: { name: parsedInput.name, email: parsedInput.email },
      outcome: "ok",
    });
    // Signs the new admin in: the nextCookies plugin writes the session cookie on this response.
    await getAuth().api.signInEmail({
      body: { email: parsedInput.email, password: parsedInput.password },
      headers: await headers(),
    });
    return { ok: true };
  });
