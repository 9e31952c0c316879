"use server";

import { headers } from "next/headers";
import { setupSchema } from "@/lib/schemas/auth";
import { getAuth } from "@/server/auth/auth";
import { recordAudit } from "@/server/audit";
import { claimSetup } from "@/server/data/settings";
import { createUserWithPassword } from "@/server/data/users";
import { ensureMigrated } from "@/server/db";
import { ActionError } from "./errors";
import { actionClient } from "./safe-action";

/** The first-run page's only action: works once, then never again (the claim is atomic). */
export const createFirstAdminAction = actionClient
  .metadata({ name: "setup.createFirstAdmin" })
  .inputSchema(setupSchema)
  .action(async ({ parsedInput }) => {
    await ensureMigrated();
    if (!(await claimSetup())) throw new ActionError("setupDone", { httpStatus: 403 });
    const { id } = await createUserWithPassword({ ...parsedInput, isAdmin: true });
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
