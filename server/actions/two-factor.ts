"use server";

import { revalidatePath } from "next/cache";
import { resetTwoFactorSchema, twoFactorPolicySchema } from "@/lib/schemas/two-factor";
import { audited } from "@/server/audit";
import { resetUserTwoFactor, setTwoFactorPolicy } from "@/server/data/two-factor";
import { userExists } from "@/server/data/users";
import { ActionError } from "./errors";
import { adminActionClient } from "./safe-action";

/**
 * Who must use two-factor sign-in: nobody, administrators, or everyone. Users it applies to and
 * who have not set it up are sent to the setup at their next page (server-side, getSessionUser).
 */
export const setTwoFactorPolicyAction = adminActionClient
  .metadata({ name: "settings.twoFactorPolicy" })
  .inputSchema(twoFactorPolicySchema)
  .action(async ({ parsedInput: { policy }, ctx }) => {
    await audited({ actor: ctx.user, operation: "settings.twoFactorPolicy", target: "settings", input: { policy } }, () => setTwoFactorPolicy(policy));
    revalidatePath("/settings/users");
    return { policy };
  });

/** An admin turns another user's two-factor off (lost phone): secret, recovery codes, remembered devices and sessions go. */
export const resetUserTwoFactorAction = adminActionClient
  .metadata({ name: "users.resetTwoFactor" })
  .inputSchema(resetTwoFactorSchema)
  .action(async ({ parsedInput, ctx }) => {
    if (parsedInput.userId === ctx.user.id) throw new ActionError("cannotResetOwnTwoFactor");
    const target = await userExists(parsedInput.userId);
    if (!target) throw new ActionError("userGone", { httpStatus: 404 });
    await audited({ actor: ctx.user, operation: "users.resetTwoFactor", target: target.email, input: parsedInput }, () => resetUserTwoFactor(parsedInput.userId));
    revalidatePath("/settings/users");
    return { ok: true };
  });
