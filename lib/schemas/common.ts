import { z } from "zod";

/**
 * Messages are translation keys under "validation" (messages/*.json), so the same schema gives
 * field messages in either language on the client and on the server.
 */
export const V = {
  required: "validation.required",
  email: "validation.email",
  passwordLength: "validation.passwordLength",
  passwordsDiffer: "validation.passwordsDiffer",
  nameLength: "validation.nameLength",
  controlChars: "validation.controlChars",
  role: "validation.role",
  custSpaceId: "validation.custSpaceId",
  accessKeyId: "validation.accessKeyId",
  accessKeySecret: "validation.accessKeySecret",
  endpoint: "validation.endpoint",
  id: "validation.id",
  emailTaken: "validation.emailTaken",
  confirmName: "validation.confirmName",
  custSpaceIdTaken: "validation.custSpaceIdTaken",
} as const;

const CONTROL = /[\u0000-\u001f\u007f]/;

/** Trimmed free text without control characters, 1..max characters. */
export const textField = (max: number) =>
  z
    .string({ error: V.required })
    .trim()
    .min(1, { error: V.required })
    .max(max, { error: V.nameLength })
    .refine((s) => !CONTROL.test(s), { error: V.controlChars });

export const idField = z.string({ error: V.id }).min(1, { error: V.id }).max(64, { error: V.id }).regex(/^[A-Za-z0-9_-]+$/, { error: V.id });

export const emailField = z
  .string({ error: V.required })
  .trim()
  .toLowerCase()
  .min(1, { error: V.required })
  .max(254, { error: V.email })
  .pipe(z.email({ error: V.email }));

export const passwordField = z
  .string({ error: V.required })
  .min(10, { error: V.passwordLength })
  .max(128, { error: V.passwordLength });
