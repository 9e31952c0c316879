import "server-only";
import { sanitizeNetworks, type AllowedNetwork } from "@/lib/allowed-networks";
import type { PhoneNumberInfo } from "@/lib/cams/wire";
import type { AccountWebhookState, Flag, SpaceWebhooksResult, WebhookRow } from "@/lib/schemas/webhooks";
import { accessibleSpaces, type SessionUser } from "@/server/auth/session";
import { getDb } from "@/server/db";
import { spacesView } from "@/server/inventory/read";
import { observeSpace } from "@/server/inventory/sync";
import { eachSpace } from "./each-space";
import { queryNumbers } from "./phone-numbers";
import { getSetting, setSetting, SETTING } from "./settings";
import { takeWindowSlot } from "./window-slot";
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

/** Every number of the space with its callback settings (the inventory's QueryChatappPhoneNumbers records). */
export async function listWebhooks(spaceId: string): Promise<WebhookRow[]> {
  return (await queryNumbers(spaceId)).map(toWebhookRow);
}

/** One number's settings, or null when the space has no such number. */
export async function getPhoneWebhook(spaceId: string, phone: string): Promise<WebhookRow | null> {
  return (await listWebhooks(spaceId)).find((r) => r.phoneNumber === phone) ?? null;
}

/** What CAMS holds for the number right after a change here: read now, and stored (source "readback"). */
export async function readBackPhoneWebhook(spaceId: string, phone: string): Promise<WebhookRow | null> {
  const n = (await observeSpace(getDb(), spaceId, "readback")).find((x) => x.phoneNumber === phone);
  return n ? toWebhookRow(n) : null;
}

/** Every readable space's webhooks (one query of the inventory); a space whose read failed is reported as failed, not left out. */
export async function listAllSpacesWebhooks(user: SessionUser): Promise<SpaceWebhooksResult[]> {
  const list = await accessibleSpaces(user);
  const views = await spacesView(getDb(), list.map((s) => s.id), eachSpace);
  return list.map((s): SpaceWebhooksResult => {
    const v = views.get(s.id)!;
    return v.ok
      ? { spaceId: s.id, spaceName: s.name, ok: true, numbers: v.view.numbers.map(toWebhookRow) }
      : { spaceId: s.id, spaceName: s.name, ok: false, error: toShownError(v.error, { what: "webhooks.all" }) };
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

// ---- the admin's allowed private networks ----

/**
 * Empty unless an admin listed networks: outgoing deliveries to private addresses are refused by
 * default. Read back through the parser, so a hand-edited row cannot open loopback.
 */
export async function allowedPrivateNetworks(): Promise<AllowedNetwork[]> {
  return sanitizeNetworks(await getSetting<unknown>(SETTING.allowedPrivateNetworks));
}

export async function setAllowedPrivateNetworks(networks: AllowedNetwork[]): Promise<void> {
  await setSetting(SETTING.allowedPrivateNetworks, networks);
}

// ---- test deliveries per user: the server posts on the caller's behalf, so it is paced ----

export const TEST_DELIVERY_WINDOW_MS = 60_000;
export const TEST_DELIVERY_MAX = 20;

/**
 * Counts one test delivery for the user in a fixed one-minute window (in the database, so every
 * app instance shares it); false once the window's budget is spent.
 */
export function takeTestDeliverySlot(userId: string, now = Date.now()): Promise<boolean> {
  return takeWindowSlot(`webhook-test:${userId}`, TEST_DELIVERY_WINDOW_MS, TEST_DELIVERY_MAX, now);
}
