import { z } from "zod";

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().catch(undefined);
const short = z.string().trim().max(200).optional().catch(undefined);

/** Audit filters as they appear in the URL; anything malformed is dropped, never an error page. */
export const auditFilterSchema = z.object({
  user: short,
  space: short,
  operation: short,
  outcome: z.enum(["ok", "error", "denied"]).optional().catch(undefined),
  from: day,
  to: day,
  /** Keyset cursor: show events with id below this one. */
  before: z.coerce.number().int().positive().optional().catch(undefined),
});
export type AuditFilter = z.infer<typeof auditFilterSchema>;

export interface AuditEventDto {
  id: number;
  at: string;
  userEmail: string | null;
  spaceId: string | null;
  spaceName: string | null;
  operation: string;
  target: string | null;
  input: unknown;
  outcome: string;
  errorCode: string | null;
  requestId: string | null;
  durationMs: number | null;
  clientAddress: string | null;
}
