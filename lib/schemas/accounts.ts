import { z } from "zod";
import { V, idField, textField } from "./common";

export const accessKeyIdField = z
  .string({ error: V.required })
  .trim()
  .min(1, { error: V.required })
  .max(128, { error: V.accessKeyId })
  .regex(/^[A-Za-z0-9_.-]+$/, { error: V.accessKeyId });

const secretField = z
  .string({ error: V.required })
  .trim()
  .min(8, { error: V.accessKeySecret })
  .max(256, { error: V.accessKeySecret })
  .regex(/^[\x21-\x7e]+$/, { error: V.accessKeySecret });

/** host[:port], no scheme or path: the SDK's `endpoint`. */
export const endpointField = z
  .string({ error: V.required })
  .trim()
  .min(1, { error: V.required })
  .max(253, { error: V.endpoint })
  .regex(/^[A-Za-z0-9.-]+(:\d{1,5})?$/, { error: V.endpoint });

export const PROTOCOLS = ["HTTPS", "HTTP"] as const;

export const createAccountSchema = z.object({
  name: textField(80),
  accessKeyId: accessKeyIdField,
  accessKeySecret: secretField,
  endpoint: endpointField,
  protocol: z.enum(PROTOCOLS, { error: V.endpoint }),
});
export type CreateAccountInput = z.infer<typeof createAccountSchema>;

/** The secret is write-only: empty keeps the stored one. */
export const updateAccountSchema = z.object({
  accountId: idField,
  name: textField(80),
  accessKeyId: accessKeyIdField,
  accessKeySecret: z.union([z.literal(""), secretField]),
  endpoint: endpointField,
  protocol: z.enum(PROTOCOLS, { error: V.endpoint }),
});
export type UpdateAccountInput = z.infer<typeof updateAccountSchema>;

export const accountIdSchema = z.object({ accountId: idField });

/** What "Test connection" found: every linked space's own answer (count null when it failed). */
export interface AccountTestResult {
  ms: number;
  /** Numbers over the spaces that answered; without linked spaces, what the account sees without a CustSpaceId. */
  total: number;
  linkedSpaces: number;
  spaces: { name: string; custSpaceId: string; count: number | null; error?: { code: string; requestId?: string } }[];
  requestId?: string;
}

/** What the browser may see of an account: never the secret, only which key encrypts it. */
export interface AccountDto {
  id: string;
  name: string;
  accessKeyId: string;
  secretKeyId: string;
  endpoint: string;
  protocol: "HTTP" | "HTTPS";
  isSandbox: boolean;
  spaces: number;
  updatedAt: string;
}
