"use server";

import { revalidatePath } from "next/cache";
import { createUserSchema, setUserDisabledSchema, unlockSignInSchema, updateUserSchema } from "@/lib/schemas/users";
import { unlockSignIn } from "@/server/auth/throttle";
import { resetPasswordSchema } from "@/lib/schemas/account";
import { V } from "@/lib/schemas/common";
import { returnValidationErrors } from "next-safe-action";
import { audited } from "@/server/audit";
import { countActiveAdmins, createUserWithPassword, setAdmin, setAssignments, setDisabled, setPassword, userExists } from "@/server/data/users";
import { ActionError } from "./errors";
import { adminActionClient } from "./safe-action";

export const createUserAction = adminActionClient
  .metadata({ name: "users.create" })
  .inputSchema(createUserSchema)
  .action(async ({ parsedInput, ctx }) => {
    const { password: _password, ...logged } = parsedInput;
    void _password;
    const result = await audited(
      { actor: ctx.user, operation: "users.create", target: parsedInput.email, input: logged },
      async () => {
        try {
          const { id } = await createUserWithPassword(parsedInput);
          await setAssignments(id, parsedInput.isAdmin ? [] : parsedInput.assignments);
          return { id };
        } catch (e) {
          if ((e as { code?: string }).code === "EMAIL_TAKEN") return null;
          throw e;
        }
      },
    );
    if (!result) returnValidationErrors(createUserSchema, { email: { _errors: [V.emailTaken] } });
    revalidatePath("/settings/users");
    return result;
  });

export const updateUserAction = adminActionClient
  .metadata({ name: "users.update" })
  .inputSchema(updateUserSchema)
  .action(async ({ parsedInput, ctx }) => {
    if (!parsedInput.isAdmin && (await countActiveAdmins(parsedInput.userId)) === 0) {
      throw new ActionError("lastAdmin");
    }
    await audited({ actor: ctx.user, operation: "users.update", target: parsedInput.userId, input: parsedInput }, async () => {
      await setAdmin(parsedInput.userId, parsedInput.isAdmin);
      await setAssignments(parsedInput.userId, parsedInput.isAdmin ? [] : parsedInput.assignments);
    });
    revalidatePath("/settings/users");
    return { ok: true };
  });

export const setUserDisabledAction = adminActionClient
  .metadata({ name: "users.setDisabled" })
  .inputSchema(setUserDisabledSchema)
  .action(async ({ parsedInput, ctx }) => {
    if (parsedInput.disabled && parsedInput.userId === ctx.user.id) throw new ActionError("cannotDisableSelf");
    if (parsedInput.disabled && (await countActiveAdmins(parsedInput.userId)) === 0) {
      throw new ActionError("lastAdmin");
    }
    await audited(
      { actor: ctx.user, operation: parsedInput.disabled ? "users.disable" : "users.enable", target: parsedInput.userId, input: parsedInput },
      () => setDisabled(parsedInput.userId, parsedInput.disabled),
    );
    revalidatePath("/settings/users");
    return { ok: true };
  });

/**
 * An admin sets a new password for another user (their own goes through Change password, which
 * asks for the current one), or has one generated and shown once; every session of that user ends.
 */
export const resetUserPasswordAction = adminActionClient
  .metadata({ name: "users.resetPassword" })
  .inputSchema(resetPasswordSchema)
  .action(async ({ parsedInput, ctx }) => {
    if (parsedInput.userId === ctx.user.id) throw new ActionError("ownPasswordUseChange");
    const target = await userExists(parsedInput.userId);
    if (!target) throw new ActionError("userGone", { httpStatus: 404 });
    const password = parsedInput.generate ? generatePassword() : parsedInput.password!;
    await audited(
      { actor: ctx.user, operation: "users.resetPassword", target: target.email, input: { userId: parsedInput.userId, generate: parsedInput.generate } },
      () => setPassword(parsedInput.userId, password, { all: true }),
    );
    revalidatePath("/settings/users");
    // Only a generated password is sent back (once): one the admin typed, they already know.
    return { generated: parsedInput.generate ? password : null };
  });

/** An admin lifts every sign-in delay of a user (failed attempts from any client are forgotten). */
export const unlockSignInAction = adminActionClient
  .metadata({ name: "users.unlockSignIn" })
  .inputSchema(unlockSignInSchema)
  .action(async ({ parsedInput, ctx }) => {
    const target = await userExists(parsedInput.userId);
    if (!target) throw new ActionError("userGone", { httpStatus: 404 });
    const cleared = await audited({ actor: ctx.user, operation: "users.unlockSignIn", target: target.email, input: parsedInput }, () => unlockSignIn(target.email));
    revalidatePath("/settings/users");
    return { cleared };
  });

/** 20 characters from an unambiguous alphabet (about 116 bits), without modulo bias. */
function generatePassword(): string {
  const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
  const limit = 256 - (256 % alphabet.length);
  let out = "";
  while (out.length < 20) {
    for (const b of crypto.getRandomValues(new Uint8Array(32))) if (b < limit && out.length < 20) out += alphabet[b % alphabet.length];
  }
  return out;
}
