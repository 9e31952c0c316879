import { z } from "zod";
import { V, idField, passwordField } from "./common";

/** Message keys of the account namespace used by these schemas and their actions. */
export const AV = {
  currentPasswordWrong: "account.currentPasswordWrong",
  tooManyAttempts: "account.tooManyAttempts",
  samePassword: "account.samePassword",
} as const;

export const changePasswordSchema = z
  .object({
    currentPassword: z.string({ error: V.required }).min(1, { error: V.required }).max(128, { error: V.passwordLength }),
    newPassword: passwordField,
    confirmPassword: z.string({ error: V.required }).min(1, { error: V.required }),
    revokeOtherSessions: z.boolean(),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], error: V.passwordsDiffer })
  .refine((v) => v.newPassword !== v.currentPassword, { path: ["newPassword"], error: AV.samePassword });
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

/** An admin's reset: a password they chose, or (generate) one made on the server and shown once. */
export const resetPasswordSchema = z
  .object({ userId: idField, generate: z.boolean(), password: z.string({ error: V.passwordLength }).max(128, { error: V.passwordLength }).optional() })
  .refine((v) => v.generate || passwordField.safeParse(v.password).success, { path: ["password"], error: V.passwordLength });
export type ResetPasswordInput = z.infer<typeof resetPasswordSchema>;
