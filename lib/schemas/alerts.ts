import { z } from "zod";
import { ALERT_KINDS } from "@/lib/alerts";

/** One rule's setting: for every space (`spaceId` null) or one; `enabled` null puts a space back on the global setting. */
export const alertRuleSchema = z.object({
  spaceId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/).nullable(),
  kind: z.enum(ALERT_KINDS),
  enabled: z.boolean().nullable(),
});
export type AlertRuleInput = z.infer<typeof alertRuleSchema>;

/** Mark these notifications read, or every one the reader can see (`all`). */
export const markReadSchema = z.union([z.object({ ids: z.array(z.number().int().positive()).min(1).max(200) }), z.object({ all: z.literal(true) })]);

export interface NotificationDto {
  id: number;
  spaceId: string;
  spaceName: string | null;
  phoneNumber: string;
  kind: string;
  state: string;
  field: string;
  oldValue: string | null;
  newValue: string | null;
  createdAt: string;
  read: boolean;
}

export interface NotificationsResponse {
  unread: number;
  items: NotificationDto[];
}

export interface AlertRuleRow {
  spaceId: string | null;
  kind: string;
  enabled: boolean;
}
