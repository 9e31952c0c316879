import { z } from "zod";
import { V, emailField, idField, passwordField, textField } from "./common";

export const SPACE_ROLES = ["operator", "viewer"] as const;
export const spaceRoleField = z.enum(SPACE_ROLES, { error: V.role });

export const assignmentsField = z
  .array(z.object({ spaceId: idField, role: spaceRoleField }), { error: V.required })
  .max(500);

export const createUserSchema = z.object({
  name: textField(100),
  email: emailField,
  password: passwordField,
  isAdmin: z.boolean(),
  assignments: assignmentsField,
});
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const updateUserSchema = z.object({
  userId: idField,
  isAdmin: z.boolean(),
  assignments: assignmentsField,
});
export type UpdateUserInput = z.infer<typeof updateUserSchema>;

export const setUserDisabledSchema = z.object({ userId: idField, disabled: z.boolean() });
export type SetUserDisabledInput = z.infer<typeof setUserDisabledSchema>;
export const unlockSignInSchema = z.object({ userId: idField });

export interface UserDto {
  id: string;
  name: string;
  email: string;
  isAdmin: boolean;
  disabled: boolean;
  /** Failed sign-ins delay this account now (from some client, or from every unknown one). */
  signInDelayed: boolean;
  /** Two-factor sign-in is on. */
  twoFactorEnabled: boolean;
  createdAt: string;
  assignments: { spaceId: string; role: "operator" | "viewer" }[];
}
