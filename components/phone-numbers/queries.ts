"use client";

import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchJson, NO_RETRY } from "@/lib/query-client";
import { phoneNumberKeys } from "@/lib/query-keys";
import type {
  AllSpacesResponse,
  Granularity,
  MetricsResponse,
  PhoneListResponse,
  PhoneNumberDetail,
} from "@/lib/schemas/phone-numbers";

const qs = (status: string | null | undefined) => (status ? `?status=${encodeURIComponent(status)}` : "");
const base = (spaceId: string) => `/api/spaces/${encodeURIComponent(spaceId)}/phone-numbers`;

export function usePhoneList(spaceId: string, status: string, enabled = true) {
  return useQuery({
    queryKey: phoneNumberKeys.list(spaceId, { status: status || null }),
    queryFn: ({ signal }) => fetchJson<PhoneListResponse>(`${base(spaceId)}${qs(status)}`, { signal }),
    placeholderData: keepPreviousData,
    enabled,
    ...NO_RETRY,
  });
}

export function useAllSpacesList(status: string, enabled = true) {
  return useQuery({
    queryKey: phoneNumberKeys.allSpaces({ status: status || null }),
    queryFn: ({ signal }) => fetchJson<AllSpacesResponse>(`/api/phone-numbers/all${qs(status)}`, { signal }),
    placeholderData: keepPreviousData,
    enabled,
    ...NO_RETRY,
  });
}

export function usePhoneDetail(spaceId: string, phone: string) {
  return useQuery({
    queryKey: phoneNumberKeys.detail(spaceId, phone),
    queryFn: ({ signal }) => fetchJson<PhoneNumberDetail>(`${base(spaceId)}/${phone}`, { signal }),
    ...NO_RETRY,
  });
}

export function usePhoneMetrics(spaceId: string, phone: string, granularity: Granularity) {
  return useQuery({
    queryKey: phoneNumberKeys.metrics(spaceId, phone, granularity),
    queryFn: ({ signal }) => fetchJson<MetricsResponse>(`${base(spaceId)}/${phone}/metrics?granularity=${granularity}`, { signal }),
    placeholderData: keepPreviousData,
    ...NO_RETRY,
  });
}

export function useSandboxCode(spaceId: string, phone: string, enabled: boolean) {
  return useQuery({
    queryKey: phoneNumberKeys.sandboxCode(spaceId, phone),
    queryFn: ({ signal }) => fetchJson<{ code: string | null }>(`${base(spaceId)}/${phone}/sandbox-code`, { signal }),
    enabled,
    staleTime: 0,
    ...NO_RETRY,
  });
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
