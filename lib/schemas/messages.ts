import { z } from "zod";
import { EVENT_ACTIONS } from "@/lib/cams/operations";

/**
 * The Messages tab (ListChatappMessage): the filters as they are in the URL and the route's query,
 * one schema for both. ListChatappMessage has no total: a page shorter than its size is the last.
 * Messages are translation keys under messageLog.validation.
 */
export const MV = {
  direction: "messageLog.validation.direction",
  status: "messageLog.validation.status",
  template: "messageLog.validation.template",
  user: "messageLog.validation.user",
  date: "messageLog.validation.date",
  range: "messageLog.validation.range",
  page: "messageLog.validation.page",
} as const;

export const DIRECTIONS = EVENT_ACTIONS;
export type Direction = (typeof DIRECTIONS)[number];
/** Statuses the filter offers (CAMS passes WhatsApp's; any other that comes is shown as it came). */
export const MESSAGE_STATUSES = ["sent", "delivered", "read", "failed", "received"] as const;
export const PAGE_SIZE = 20;
/** The CSV export reads pages of this size, and stops after this many rows. */
export const EXPORT_PAGE_SIZE = 100;
export const EXPORT_MAX_ROWS = 20_000;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const validDay = (s: string) => DAY.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);
const emptyToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);
const opt = <T extends z.ZodType>(s: T) => z.preprocess(emptyToUndefined, s.optional());

export const messageFilterSchema = z
  .object({
    direction: opt(z.enum(DIRECTIONS, { error: MV.direction })),
    status: opt(z.string().trim().max(32, { error: MV.status }).regex(/^[A-Za-z_]+$/, { error: MV.status })),
    template: opt(z.string().trim().max(64, { error: MV.template }).regex(/^[\w.-]+$/, { error: MV.template })),
    /** The customer's full number, digits only. */
    user: opt(z.string().trim().regex(/^[1-9]\d{7,14}$/, { error: MV.user })),
    /** UTC days, inclusive. */
    from: opt(z.string().refine(validDay, { error: MV.date })),
    to: opt(z.string().refine(validDay, { error: MV.date })),
  })
  .superRefine((v, ctx) => {
    if (v.from && v.to && v.from > v.to) ctx.addIssue({ code: "custom", path: ["to"], message: MV.range });
  });
export type MessageFilter = z.output<typeof messageFilterSchema>;

export const messagePageQuerySchema = z.object({
  page: z.coerce.number({ error: MV.page }).int({ error: MV.page }).min(1, { error: MV.page }).max(10_000, { error: MV.page }).default(1),
});

/** The filter as ListChatappMessage's parameters (epoch ms for the UTC days). */
export function filterParams(f: MessageFilter) {
  return {
    eventAction: f.direction,
    messageStatus: f.status,
    templateCode: f.template,
    userNumber: f.user,
    startTime: f.from ? Date.parse(`${f.from}T00:00:00.000Z`) : undefined,
    endTime: f.to ? Date.parse(`${f.to}T23:59:59.999Z`) : undefined,
  };
}

/** WhatsApp error codes a FailReason may start with that have a plain explanation (messageLog.fail.<code>). */
export const KNOWN_FAIL_CODES = [
  "470", "130429", "130472", "131000", "131026", "131031", "131047", "131048", "131049", "131050", "131051", "131056", "132000", "132001",
] as const;
export type KnownFailCode = (typeof KNOWN_FAIL_CODES)[number];

/** The WhatsApp code a FailReason carries ("131047:…", "(#131047) …", "131047"), if it is one explained here. */
export function failCodeOf(reason: string | null | undefined): KnownFailCode | null {
  const m = /^\(?#?(\d{3,6})\)?\b/.exec((reason ?? "").trim());
  return m && (KNOWN_FAIL_CODES as readonly string[]).includes(m[1]) ? (m[1] as KnownFailCode) : null;
}

export interface MessageRow {
  messageId: string;
  conversationId: string | null;
  userNumber: string | null;
  direction: string | null;
  type: string | null;
  message: string | null;
  templateCode: string | null;
  templateName: string | null;
  status: string | null;
  readStatus: string | null;
  failReason: string | null;
  failCode: KnownFailCode | null;
  /** ISO time, or null when CAMS sent none that parses. */
  sentAt: string | null;
}

export interface MessagePageResponse {
  rows: MessageRow[];
  page: number;
  size: number;
  /** A full page may have a next one; a shorter page is the last. */
  hasNext: boolean;
  fetchedAt: string;
}
