import { z } from "zod";
import { V, idField, textField } from "./common";

/** CAMS examples are numeric ("293483938849493") or "cams-kei****"-like: letters, digits, - and _. */
export const custSpaceIdField = z
  .string({ error: V.required })
  .trim()
  .min(1, { error: V.required })
  .max(64, { error: V.custSpaceId })
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, { error: V.custSpaceId });

/**
 * `force`: save even though CAMS did not confirm the CustSpaceId through the account (the user
 * saw the explained answer and chose "Save anyway").
 */
const forceField = z.boolean().optional();

export const createSpaceSchema = z.object({
  name: textField(80),
  custSpaceId: custSpaceIdField,
  accountId: idField.nullable(),
  force: forceField,
});
export type CreateSpaceInput = z.infer<typeof createSpaceSchema>;

export const updateSpaceSchema = z.object({
  spaceId: idField,
  name: textField(80),
  custSpaceId: custSpaceIdField,
  accountId: idField.nullable(),
  force: forceField,
});
export type UpdateSpaceInput = z.infer<typeof updateSpaceSchema>;

export const deleteSpaceSchema = z.object({ spaceId: idField, confirmName: z.string().max(200) });
export type DeleteSpaceInput = z.infer<typeof deleteSpaceSchema>;

export const selectSpaceSchema = z.object({ spaceId: z.union([idField, z.literal("all")]) });

export interface SpaceDto {
  id: string;
  name: string;
  custSpaceId: string;
  accountId: string | null;
  accountName: string | null;
  isSandbox: boolean;
  members: number;
}

/** A space as the header's switcher shows it (no CustSpaceId or account: only what the caller may see of it). */
export interface ShellSpace {
  id: string;
  name: string;
  role: "admin" | "operator" | "viewer";
  sandbox: boolean;
}

/**
 * The switcher's spaces: the first SHELL_SPACES_SHOWN by name that match (all of them for most
 * users), `matched` of `total` readable. The layout ships this much, never every space: an
 * administrator of 1,000 spaces types to find the rest (GET /api/spaces).
 */
export interface ShellSpacesDto {
  spaces: ShellSpace[];
  matched: number;
  total: number;
}

export const SHELL_SPACES_SHOWN = 50;

/** GET /api/spaces: `q` narrows by name or CustSpaceId; `id` asks for one space (the one in the URL); `writable` keeps those the caller may change. */
export const shellSpacesQuerySchema = z.object({
  q: z.string().trim().max(100).default(""),
  id: idField.optional(),
  /** `1`: only the spaces the caller may change (Add number on All spaces). */
  writable: z
    .enum(["1"])
    .optional()
    .transform((v) => v === "1"),
});
export type ShellSpacesQuery = z.infer<typeof shellSpacesQuerySchema>;
