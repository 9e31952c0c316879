import { z } from "zod";
import { V, emailField, passwordField, textField } from "./common";

export const setupSchema = z
  .object({
    /** The one-time token the start command printed (DATA_DIR/setup.token). */
    setupToken: z.string({ error: V.required }).trim().min(1, { error: V.required }).max(200, { error: V.required }),
    name: textField(100),
    email: emailField,
    password: passwordField,
    confirmPassword: z.string({ error: V.required }).min(1, { error: V.required }),
  })
  .refine((v) => v.password === v.confirmPassword, { path: ["confirmPassword"], error: V.passwordsDiffer });
export type SetupInput = z.infer<typeof setupSchema>;

export const signInSchema = z.object({
  email: emailField,
  password: z.string({ error: V.required }).min(1, { error: V.required }).max(128, { error: V.passwordLength }),
});
export type SignInInput = z.infer<typeof signInSchema>;
