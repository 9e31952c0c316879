// Not a client module: the server pages import the factories below for their prefetch.
import { keepPreviousData, queryOptions, useQuery, useQueryClient } from "@tanstack/react-query";
import { getJson, INVENTORY_LIVE_MS, type Fetcher } from "@/lib/query-client";
import { phoneNumberKeys } from "@/lib/query-keys";
import type { AllSpacesPageQuery } from "@/lib/phone-list";
import type {
  AllSpacesPageResponse,
  AllSpacesResponse,
  Granularity,
  MetricsResponse,
  PhoneListResponse,
  PhoneNumberDetail,
} from "@/lib/schemas/phone-numbers";

const qs = (status: string | null | undefined) => (status ? `?status=${encodeURIComponent(status)}` : "");
const base = (spaceId: string) => `/api/spaces/${encodeURIComponent(spaceId)}/phone-numbers`;

/**
 * Lists read the inventory (no CAMS call per read): while the page is in view they ask again every
 * INVENTORY_LIVE_MS, so what a sweep or a background refresh observed shows without a reload.
 */

/** One space's numbers, optionally by Status (the list page prefetches it with listPhoneNumbers). */
export const phoneListQuery = (spaceId: string, status: string | null | undefined, fetcher: Fetcher<PhoneListResponse> = getJson(`${base(spaceId)}${qs(status)}`)) =>
  queryOptions({
    queryKey: phoneNumberKeys.list(spaceId, { status: status || null }),
    queryFn: fetcher,
    placeholderData: keepPreviousData,
    refetchInterval: INVENTORY_LIVE_MS,
  });

/** Every readable space's numbers (the "All spaces" list; prefetched with listAllSpacesNumbers). */
export const allSpacesQuery = (status: string | null | undefined, fetcher: Fetcher<AllSpacesResponse> = getJson(`/api/phone-numbers/all${qs(status)}`)) =>
  queryOptions({ queryKey: phoneNumberKeys.allSpaces({ status: status || null }), queryFn: fetcher, placeholderData: keepPreviousData, refetchInterval: INVENTORY_LIVE_MS });

/** Normalizes the list's URL state into the All-spaces page query (the same on the server page and here). */
export { allSpacesPageQueryOf } from "@/lib/phone-list";

/** One page of every readable space's numbers, sorted, filtered and paged by the server (prefetched with pageAllSpacesNumbers). */
export const allSpacesPageQuery = (query: AllSpacesPageQuery, fetcher: Fetcher<AllSpacesPageResponse> = getJson(`/api/phone-numbers/all/page?${new URLSearchParams(Object.entries(query).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]])))}`)) =>
  queryOptions({ queryKey: phoneNumberKeys.allSpacesPage(query), queryFn: fetcher, placeholderData: keepPreviousData, refetchInterval: INVENTORY_LIVE_MS });

export function useAllSpacesPage(query: AllSpacesPageQuery, enabled = true) {
  return useQuery({ ...allSpacesPageQuery(query), enabled });
}

/** One number with every field CAMS returns (the number's layout prefetches it with getPhoneNumber). */
export const phoneDetailQuery = (spaceId: string, phone: string, fetcher: Fetcher<PhoneNumberDetail> = getJson(`${base(spaceId)}/${phone}`)) =>
  queryOptions({ queryKey: phoneNumberKeys.detail(spaceId, phone), queryFn: fetcher });

export const phoneMetricsQuery = (spaceId: string, phone: string, granularity: Granularity) =>
  queryOptions({
    queryKey: phoneNumberKeys.metrics(spaceId, phone, granularity),
    queryFn: getJson<MetricsResponse>(`${base(spaceId)}/${phone}/metrics?granularity=${granularity}`),
    placeholderData: keepPreviousData,
  });

export const sandboxCodeQuery = (spaceId: string, phone: string) =>
  queryOptions({
    queryKey: phoneNumberKeys.sandboxCode(spaceId, phone),
    queryFn: getJson<{ code: string | null }>(`${base(spaceId)}/${phone}/sandbox-code`),
    staleTime: 0,
  });

export function usePhoneList(spaceId: string, status: string, enabled = true) {
  return useQuery({ ...phoneListQuery(spaceId, status), enabled });
}

export function useAllSpacesList(status: string, enabled = true) {
  return useQuery({ ...allSpacesQuery(status), enabled });
}

export function usePhoneDetail(spaceId: string, phone: string) {
  return useQuery(phoneDetailQuery(spaceId, phone));
}

export function usePhoneMetrics(spaceId: string, phone: string, granularity: Granularity) {
  return useQuery(phoneMetricsQuery(spaceId, phone, granularity));
}

export function useSandboxCode(spaceId: string, phone: string, enabled: boolean) {
  return useQuery({ ...sandboxCodeQuery(spaceId, phone), enabled });
}

/** After a change to a number: its page and every list that may show it. */
export function useInvalidatePhone() {
  const qc = useQueryClient();
  return (spaceId: string, phone?: string) =>
    Promise.all([
      qc.invalidateQueries({ queryKey: phoneNumberKeys.lists() }),
      phone ? qc.invalidateQueries({ queryKey: phoneNumberKeys.detail(spaceId, phone) }) : null,
    ]);
}
