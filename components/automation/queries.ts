// Not a client module: the server page imports the factory below for its prefetch.
import { queryOptions, useQuery, useQueryClient } from "@tanstack/react-query";
import { getJson, type Fetcher } from "@/lib/query-client";
import { automationKeys } from "@/lib/query-keys";
import type { AutomationDto, AutomationResponse } from "@/lib/schemas/automation";

const url = (spaceId: string, phone: string) => `/api/spaces/${encodeURIComponent(spaceId)}/automation/${phone}`;

/** One number's automation as CAMS holds it, with its prefilled QR codes (the tab prefetches it with getAutomation). */
export const automationQuery = (spaceId: string, phone: string, fetcher: Fetcher<AutomationResponse> = getJson(url(spaceId, phone))) =>
  queryOptions({ queryKey: automationKeys.detail(spaceId, phone), queryFn: fetcher });

export function useAutomation(spaceId: string, phone: string) {
  return useQuery(automationQuery(spaceId, phone));
}

/** After a save: the read-back goes into the cache as it came, so the tab shows exactly what CAMS holds. */
export function useStoreReadBack() {
  const qc = useQueryClient();
  return (spaceId: string, phone: string, now: AutomationDto | null) => {
    if (!now) return qc.invalidateQueries({ queryKey: automationKeys.detail(spaceId, phone) });
    qc.setQueryData<AutomationResponse>(automationKeys.detail(spaceId, phone), (old) =>
      old ? { ...old, settings: now, fetchedAt: new Date().toISOString() } : old,
    );
  };
}
