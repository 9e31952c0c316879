import { z } from "zod";
import { HISTORY_FIELDS, HISTORY_SOURCES } from "@/lib/history";

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().catch(undefined);

/** History filters as they appear in the URL; anything malformed is dropped, never an error page. */
export const historyFilterSchema = z.object({
  field: z.enum(HISTORY_FIELDS).optional().catch(undefined),
  source: z.enum(HISTORY_SOURCES).optional().catch(undefined),
  /** Digits of a number, any part of it (the feed); the number's own tab sets the whole number. */
  phone: z
    .string()
    .transform((v) => v.replace(/\D/g, ""))
    .pipe(z.string().min(1).max(20))
    .optional()
    .catch(undefined),
  from: day,
  to: day,
  /** Keyset cursor: show events with id below this one. */
  before: z.coerce.number().int().positive().optional().catch(undefined),
});
export type HistoryFilter = z.infer<typeof historyFilterSchema>;

export interface HistoryEventDto {
  id: number;
  spaceId: string;
  spaceName: string | null;
  phoneNumber: string;
  field: string;
  oldValue: string | null;
  newValue: string | null;
  observedAt: string;
  via: string;
  source: string;
  operation: string | null;
  /** Who made a change in this console: only for readers of the space's audit log (admins, its operators). */
  actorEmail: string | null;
  auditEventId: number | null;
}
