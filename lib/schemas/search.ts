import { z } from "zod";

/** The header search: what was typed (any formatting), trimmed; two characters at least. */
export const searchQuerySchema = z.object({ q: z.string().trim().min(2).max(100) });

export type SearchHitKind = "number" | "space" | "qrCode" | "webhook" | "profile";

export interface SearchHit {
  kind: SearchHitKind;
  spaceId: string;
  spaceName: string;
  /** The number the hit is about (numbers, QR codes, webhooks, profiles). */
  phoneNumber: string | null;
  /** What matched: a display name, a CustSpaceId, a QR message, a webhook URL, a line of the business profile. */
  text: string | null;
  /** Where the hit opens. */
  href: string;
}

export interface SearchResponse {
  q: string;
  hits: SearchHit[];
  /** More matched than were returned. */
  more: boolean;
}

/** At most this many hits per kind. */
export const SEARCH_LIMIT = 8;
