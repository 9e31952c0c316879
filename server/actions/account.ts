"use server";

import { returnValidationErrors } from "next-safe-action";
import { AV, changePasswordSchema } from "@/lib/schemas/account";
import { audited } from "@/server/audit";
import { currentSessionToken } from "@/server/auth/session";
import { currentClientAddress } from "@/server/client-address";
import { clearSignInFailures, takeSignInAttempt } from "@/server/auth/throttle";
import { checkPassword, setPassword } from "@/server/data/users";
import { authActionClient } from "./safe-action";

/**
 * The signed-in user changes their own password: the current one is checked (wrong guesses count
 * against the sign-in throttle of the account), optionally ending their other sessions.
 */
export const changeOwnPasswordAction = authActionClient
  .metadata({ name: "account.changePassword" })
  .inputSchema(changePasswordSchema)
  .action(async ({ parsedInput, ctx }) => {
    const client = (await currentClientAddress()) ?? "unknown";
    if ((await takeSignInAttempt(ctx.user.email, client)) > 0) {
      returnValidationErrors(changePasswordSchema, { currentPassword: { _errors: [AV.tooManyAttempts] } });
    }
    if (!(await checkPassword(ctx.user.id, parsedInput.currentPassword))) {
      returnValidationErrors(changePasswordSchema, { currentPassword: { _errors: [AV.currentPasswordWrong] } });
    }
    await clearSignInFailures(ctx.user.email, client);
    const keep = await currentSessionToken();
    await audited(
      { actor: ctx.user, operation: "account.changePassword", target: ctx.user.email, input: { revokeOtherSessions: parsedInput.revokeOtherSessions } },
      () => setPassword(ctx.user.id, parsedInput.newPassword, parsedInput.revokeOtherSessions ? { except: keep } : null),
    );
    return { ok: true };
  });
