// Not a client module: the server page imports the factories for its prefetch.
import { queryOptions, useQuery } from "@tanstack/react-query";
import { getJson, type Fetcher } from "@/lib/query-client";
import { profileKeys } from "@/lib/query-keys";
import type { HealthView, ProfileRead } from "@/lib/schemas/profile";

const base = (spaceId: string, phone: string) => `/api/spaces/${encodeURIComponent(spaceId)}/phone-numbers/${phone}`;

/**
 * The number's business profile as CAMS holds it (read by the page when the tab opens). Not
 * refetched on mount: a new read remounts the form (profile-panel.tsx), which would drop what the
 * user has started typing.
 */
export const profileQuery = (spaceId: string, phone: string, fetcher: Fetcher<ProfileRead> = getJson(`${base(spaceId, phone)}/profile`)) =>
  queryOptions({ queryKey: profileKeys.detail(spaceId, phone), queryFn: fetcher });

/** The number's health from the inventory, with when it was checked. */
export const healthQuery = (spaceId: string, phone: string, fetcher: Fetcher<{ health: HealthView | null }> = getJson(`${base(spaceId, phone)}/health`)) =>
  queryOptions({ queryKey: profileKeys.health(spaceId, phone), queryFn: fetcher });

export function useProfile(spaceId: string, phone: string) {
  return useQuery(profileQuery(spaceId, phone));
}

export function useHealth(spaceId: string, phone: string) {
  return useQuery(healthQuery(spaceId, phone));
}
