import { z } from "zod";
import { V, emailField, passwordField, textField } from "./common";

export const setupSchema = z
  .object({
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
