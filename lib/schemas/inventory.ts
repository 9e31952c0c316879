import { z } from "zod";
import { idField } from "./common";

/** "Refresh now" of a space's inventory. */
export const INVENTORY_KINDS = ["numbers", "details"] as const;
export type InventoryKind = (typeof INVENTORY_KINDS)[number];

/** "Refresh now" of a space's inventory: its number list, or its numbers' keys and QR codes. */
export const refreshInventorySchema = z.object({ spaceId: idField, kind: z.enum(INVENTORY_KINDS).default("numbers") });
export type RefreshInventoryInput = z.input<typeof refreshInventorySchema>;

/** One "Refresh now" per user in this window (a refresh spends the account's CAMS budget). */
export const REFRESH_WINDOW_MS = 10_000;

export interface RefreshInventoryResult {
  spaceId: string;
  observedAt: string;
  numbers: number;
}
