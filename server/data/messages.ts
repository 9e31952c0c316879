import "server-only";
import type { ChatMessage } from "@/lib/cams/wire";
import {
  EXPORT_MAX_ROWS, EXPORT_PAGE_SIZE, failCodeOf, filterParams, PAGE_SIZE, type MessageFilter, type MessagePageResponse, type MessageRow,
} from "@/lib/schemas/messages";
import { camsForSpace } from "@/server/cams/for-space";
import { withLane } from "@/server/cams/lane";
import { getDb } from "@/server/db";

/**
 * A number's message log (ListChatappMessage, read live: nothing of it is stored here). The caller
 * has checked read access and that the number belongs to the space.
 */

/**
 * SendTime's format is not documented: epoch milliseconds (or seconds) as digits, or a date and
 * time; one without a zone is read as Beijing time (UTC+8), the vendor's.
 */
export function sentAtOf(v: string | null): string | null {
  if (!v) return null;
  if (/^\d{10}$/.test(v)) return new Date(Number(v) * 1000).toISOString();
  if (/^\d{11,16}$/.test(v)) return new Date(Number(v)).toISOString();
  const local = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(v) ? `${v.replace(" ", "T")}+08:00` : v;
  const ms = Date.parse(local);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

export function toMessageRow(m: ChatMessage, i: number): MessageRow {
  return {
    messageId: m.messageId ?? `row-${i}`,
    conversationId: m.conversationId,
    userNumber: m.userNumber,
    direction: m.eventAction,
    type: m.messageType,
    message: m.message,
    templateCode: m.templateCode,
    templateName: m.templateName,
    status: m.messageStatus,
    readStatus: m.clientReadStatus,
    failReason: m.failReason,
    failCode: failCodeOf(m.failReason),
    sentAt: sentAtOf(m.sendTime),
  };
}

async function readPage(spaceId: string, phone: string, filter: MessageFilter, index: number, size: number): Promise<MessageRow[]> {
  const { client } = await camsForSpace(getDb(), spaceId);
  const { data } = await client.listMessages({ businessNumber: phone, page: { index, size }, ...filterParams(filter) });
  return data.map(toMessageRow);
}

/** One page of the log under a filter. No total exists: a full page may have a next one. */
export async function listMessagePage(spaceId: string, phone: string, filter: MessageFilter, page: number): Promise<MessagePageResponse> {
  const rows = await readPage(spaceId, phone, filter, page, PAGE_SIZE);
  return { rows, page, size: PAGE_SIZE, hasNext: rows.length >= PAGE_SIZE, fetchedAt: new Date().toISOString() };
}

/**
 * Every row under the filter, page by page as the reader takes them (pull-based CSV), each call
 * paced by the account's limiter in the change lane so people's reads go first. Stops at the first
 * short page, or after EXPORT_MAX_ROWS rows.
 */
export async function* exportMessages(spaceId: string, phone: string, filter: MessageFilter, max = EXPORT_MAX_ROWS): AsyncGenerator<MessageRow[]> {
  let sent = 0;
  for (let index = 1; sent < max; index++) {
    const rows = await withLane("change", () => readPage(spaceId, phone, filter, index, EXPORT_PAGE_SIZE));
    const take = rows.slice(0, max - sent);
    sent += take.length;
    yield take;
    if (rows.length < EXPORT_PAGE_SIZE) return;
  }
}
