// Not a client module: the server pages import the factories below for their prefetch.
import { queryOptions, useQuery, useQueryClient } from "@tanstack/react-query";
import { getJson, type Fetcher } from "@/lib/query-client";
import { phoneNumberKeys, webhookKeys } from "@/lib/query-keys";
import type {
  AccountWebhookState,
  AllSpacesWebhooksResponse,
  SpaceWebhooksResponse,
  WebhookRow,
} from "@/lib/schemas/webhooks";

const base = (spaceId: string) => `/api/spaces/${encodeURIComponent(spaceId)}/webhooks`;

/** One space's numbers with their callback settings; "all" is every readable space. */
export const spaceWebhooksQuery = (spaceId: string) =>
  queryOptions({ queryKey: webhookKeys.list(spaceId), queryFn: getJson<SpaceWebhooksResponse | AllSpacesWebhooksResponse>(base(spaceId)) });

/** One number's callback settings (the number's webhook tab prefetches it from the layout's getPhoneNumber). */
export const phoneWebhookQuery = (spaceId: string, phone: string, fetcher: Fetcher<WebhookRow> = getJson(`${base(spaceId)}/${phone}`)) =>
  queryOptions({ queryKey: webhookKeys.detail(spaceId, phone), queryFn: fetcher });

/** The space-level webhook as last saved here (the space settings page prefetches it with getAccountWebhook). */
export const accountWebhookQuery = (spaceId: string, fetcher: Fetcher<{ state: AccountWebhookState | null }> = getJson(`${base(spaceId)}/account`)) =>
  queryOptions({ queryKey: webhookKeys.account(spaceId), queryFn: fetcher });

export function useSpaceWebhooks(spaceId: string) {
  return useQuery(spaceWebhooksQuery(spaceId));
}

export function usePhoneWebhook(spaceId: string, phone: string) {
  return useQuery(phoneWebhookQuery(spaceId, phone));
}

export function useAccountWebhook(spaceId: string) {
  return useQuery(accountWebhookQuery(spaceId));
}

/** After a number's webhook changed: its tab, every webhook list and the number's own page (it shows the URLs too). */
export function useInvalidateAfterSave() {
  const qc = useQueryClient();
  return (spaceId: string, phone: string, now: WebhookRow | null) => {
    if (now) qc.setQueryData(webhookKeys.detail(spaceId, phone), now);
    return Promise.all([
      now ? null : qc.invalidateQueries({ queryKey: webhookKeys.detail(spaceId, phone) }),
      qc.invalidateQueries({ queryKey: webhookKeys.lists() }),
      qc.invalidateQueries({ queryKey: phoneNumberKeys.detail(spaceId, phone) }),
    ]);
  };
}
