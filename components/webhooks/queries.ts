"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchJson, NO_RETRY } from "@/lib/query-client";
import { phoneNumberKeys, webhookKeys } from "@/lib/query-keys";
import type {
  AccountWebhookState,
  AllSpacesWebhooksResponse,
  SpaceWebhooksResponse,
  WebhookRow,
} from "@/lib/schemas/webhooks";

const base = (spaceId: string) => `/api/spaces/${encodeURIComponent(spaceId)}/webhooks`;

export function useSpaceWebhooks(spaceId: string) {
  return useQuery({
    queryKey: webhookKeys.list(spaceId),
    queryFn: ({ signal }) => fetchJson<SpaceWebhooksResponse | AllSpacesWebhooksResponse>(base(spaceId), { signal }),
    ...NO_RETRY,
  });
}

export function usePhoneWebhook(spaceId: string, phone: string) {
  return useQuery({
    queryKey: webhookKeys.detail(spaceId, phone),
    queryFn: ({ signal }) => fetchJson<WebhookRow>(`${base(spaceId)}/${phone}`, { signal }),
    ...NO_RETRY,
  });
}

export function useAccountWebhook(spaceId: string) {
  return useQuery({
    queryKey: webhookKeys.account(spaceId),
    queryFn: ({ signal }) => fetchJson<{ state: AccountWebhookState | null }>(`${base(spaceId)}/account`, { signal }),
    ...NO_RETRY,
  });
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
