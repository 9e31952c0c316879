import "server-only";
import { sql } from "drizzle-orm";
import type { PhoneNumberInfo } from "@/lib/cams/wire";
import type { AccountWebhookState, Flag, SpaceWebhooksResult, WebhookRow } from "@/lib/schemas/webhooks";
import { accessibleSpaces, type SessionUser } from "@/server/auth/session";
import { camsForSpace } from "@/server/cams/for-space";
import { getDb } from "@/server/db";
import { rateLimit } from "@/server/db/schema";
import { eachSpace } from "./each-space";
import { getSetting, setSetting, SETTING } from "./settings";
import { toShownError } from "@/server/safe-error";

/**
 * Webhook reads. Callers have checked the caller's access to the space (route handlers with
 * requireSpaceAccess, pages with the space layout, actions with the space action clients).
 */

const flag = (on: boolean): Flag => (on ? "Y" : "N");

/** QueryChatappPhoneNumbers has no HttpFlag/QueueFlag: a set URL means HTTP on, a queue name means queue on. */
type CallbackFields = Pick<PhoneNumberInfo, "verifiedName" | "status" | "statusCallbackUrl" | "upCallbackUrl" | "statusQueue" | "upQueue"> & {
  phoneNumber: string | null;
};

export function toWebhookRow(n: CallbackFields): WebhookRow {
  return {
    phoneNumber: n.phoneNumber ?? "",
    verifiedName: n.verifiedName,
    status: n.status,
    statusCallbackUrl: n.statusCallbackUrl,
    upCallbackUrl: n.upCallbackUrl,
    statusQueue: n.statusQueue,
    upQueue: n.upQueue,
    httpFlag: flag(!!(n.statusCallbackUrl || n.upCallbackUrl)),
    queueFlag: flag(!!(n.statusQueue || n.upQueue)),
  };
}

/** Every number of the space with its callback settings (one QueryChatappPhoneNumbers call). */
export async function listWebhooks(spaceId: string): Promise<WebhookRow[]> {
  const { client } = await camsForSpace(getDb(), spaceId);
  const { data } = await client.queryPhoneNumbers({});
  return data.filter((n) => n.phoneNumber).map(toWebhookRow);
}

/** One number's settings, or null when the space has no such number (CAMS has no single-number read). */
export async function getPhoneWebhook(spaceId: string, phone: string): Promise<WebhookRow | null> {
  return (await listWebhooks(spaceId)).find((r) => r.phoneNumber === phone) ?? null;
}

/** Every readable space's webhooks; a space whose call failed is reported as failed, not left out. */
export async function listAllSpacesWebhooks(user: SessionUser): Promise<SpaceWebhooksResult[]> {
  return eachSpace(await accessibleSpaces(user), async (s): Promise<SpaceWebhooksResult> => {
    try {
      return { spaceId: s.id, spaceName: s.name, ok: true, numbers: await listWebhooks(s.id) };
    } catch (err) {
      return { spaceId: s.id, spaceName: s.name, ok: false, error: toShownError(err, { what: "webhooks.all" }) };
    }
  });
}

// ---- the space-level webhook: CAMS has no read operation, so the last value saved here is kept ----

const accountKey = (spaceId: string) => `account_webhook:${spaceId}`;

export async function getAccountWebhook(spaceId: string): Promise<AccountWebhookState | null> {
  return (await getSetting<AccountWebhookState>(accountKey(spaceId))) ?? null;
}

export async function rememberAccountWebhook(spaceId: string, state: AccountWebhookState): Promise<void> {
  await setSetting(accountKey(spaceId), state);
}

// ---- the admin switch ----

/** Off unless an admin turned it on: test deliveries to private addresses are refused by default. */
export async function allowPrivateWebhookAddresses(): Promise<boolean> {
  return (await getSetting<boolean>(SETTING.allowPrivateWebhooks)) === true;
}

export async function setAllowPrivateWebhookAddresses(allow: boolean): Promise<void> {
  await setSetting(SETTING.allowPrivateWebhooks, allow);
}

// ---- test deliveries per user: the server posts on the caller's behalf, so it is paced ----

export const TEST_DELIVERY_WINDOW_MS = 60_000;
export const TEST_DELIVERY_MAX = 20;

/**
 * Counts one test delivery for the user in a fixed one-minute window (in the database, so every
 * app instance shares it); false once the window's budget is spent.
 */
export async function takeTestDeliverySlot(userId: string, now = Date.now()): Promise<boolean> {
  const fresh = sql`${now} - ${rateLimit.lastRequest} >= ${TEST_DELIVERY_WINDOW_MS}`;
  const [row] = await getDb()
    .insert(rateLimit)
    .values({ id: crypto.randomUUID(), key: `webhook-test:${userId}`, count: 1, lastRequest: now })
    .onConflictDoUpdate({
      target: rateLimit.key,
      set: {
        count: sql`case when ${fresh} then 1 else ${rateLimit.count} + 1 end`,
        lastRequest: sql`case when ${fresh} then ${now} else ${rateLimit.lastRequest} end`,
      },
    })
    .returning({ count: rateLimit.count });
  return (row?.count ?? 1) <= TEST_DELIVERY_MAX;
}
