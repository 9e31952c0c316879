import { z } from "zod";
import { idField } from "./common";

/** "Refresh now" of a space's inventory. */
export const refreshInventorySchema = z.object({ spaceId: idField });
export type RefreshInventoryInput = z.infer<typeof refreshInventorySchema>;

/** One "Refresh now" per user in this window (a refresh spends the account's CAMS budget). */
export const REFRESH_WINDOW_MS = 10_000;

export interface RefreshInventoryResult {
  spaceId: string;
  observedAt: string;
  numbers: number;
}
