import { z } from "zod";
import { idField } from "./common";
import { fullPhoneField } from "./phone-numbers";

/** "Refresh now" of a space's inventory. */
export const INVENTORY_KINDS = ["numbers", "details"] as const;
export type InventoryKind = (typeof INVENTORY_KINDS)[number];

/** "Refresh now" of a space's inventory: its number list, or its numbers' keys and QR codes. */
export const refreshInventorySchema = z.object({
  spaceId: idField,
  kind: z.enum(INVENTORY_KINDS).default("numbers"),
  /** Details of this number only (a number's tab). */
  phoneNumber: fullPhoneField.optional(),
});

/**
 * A space with more numbers than this has its details refreshed by the sweep (made due at once)
 * rather than inside the request: at 5 calls a second per operation that would take minutes.
 */
export const DETAILS_REFRESH_INLINE_MAX = 50;
export type RefreshInventoryInput = z.input<typeof refreshInventorySchema>;

/** One "Refresh now" per user in this window (a refresh spends the account's CAMS budget). */
export const REFRESH_WINDOW_MS = 10_000;

export interface RefreshInventoryResult {
  spaceId: string;
  observedAt: string;
  numbers: number;
  /** Too many numbers to read in the request: the sweep takes the space next. */
  queued?: boolean;
}
