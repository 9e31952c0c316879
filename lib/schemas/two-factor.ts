import { z } from "zod";
import { V, idField } from "./common";

/** Who must use two-factor sign-in: nobody is forced, administrators, or every user. */
export const TWO_FACTOR_POLICIES = ["off", "admins", "everyone"] as const;
export type TwoFactorPolicy = (typeof TWO_FACTOR_POLICIES)[number];

/** Message keys of the twoFactor namespace used by these schemas and the forms. */
export const TF = {
  code: "twoFactor.codeFormat",
  recoveryCode: "twoFactor.recoveryCodeFormat",
} as const;

/** Whether a user with this role and state must set up two-factor before using the app. */
export function twoFactorSetupDue(policy: TwoFactorPolicy, u: { isAdmin: boolean; twoFactorEnabled: boolean }): boolean {
  if (u.twoFactorEnabled || policy === "off") return false;
  return policy === "everyone" || u.isAdmin;
}

export const twoFactorPolicySchema = z.object({ policy: z.enum(TWO_FACTOR_POLICIES, { error: V.required }) });
export type TwoFactorPolicyInput = z.infer<typeof twoFactorPolicySchema>;

/** The account password that opens setup and turns two-factor off. */
export const twoFactorPasswordSchema = z.object({
  password: z.string({ error: V.required }).min(1, { error: V.required }).max(128, { error: V.passwordLength }),
});
export type TwoFactorPasswordInput = z.infer<typeof twoFactorPasswordSchema>;

/** Six digits from the authenticator app (spaces the app shows between groups are dropped). */
export const totpCodeField = z
  .string({ error: TF.code })
  .transform((s) => s.replace(/\s+/g, ""))
  .pipe(z.string().regex(/^\d{6}$/, { error: TF.code }));

/** A recovery code as shown at setup: ten letters and digits, the dash optional. */
export const recoveryCodeField = z
  .string({ error: TF.recoveryCode })
  .transform((s) => s.trim())
  .pipe(z.string().regex(/^[A-Za-z0-9]{5}-?[A-Za-z0-9]{5}$/, { error: TF.recoveryCode }))
  .transform((s) => (s.includes("-") ? s : `${s.slice(0, 5)}-${s.slice(5)}`));

export const totpConfirmSchema = z.object({ code: totpCodeField });
export type TotpConfirmInput = z.input<typeof totpConfirmSchema>;

/** The sign-in page's second step: a code from the app, or one recovery code. */
export const twoFactorSignInSchema = z.discriminatedUnion("method", [
  z.object({ method: z.literal("totp"), code: totpCodeField, trustDevice: z.boolean() }),
  z.object({ method: z.literal("backupCode"), code: recoveryCodeField, trustDevice: z.boolean() }),
]);
export type TwoFactorSignInInput = z.input<typeof twoFactorSignInSchema>;

export const resetTwoFactorSchema = z.object({ userId: idField });
export type ResetTwoFactorInput = z.infer<typeof resetTwoFactorSchema>;
