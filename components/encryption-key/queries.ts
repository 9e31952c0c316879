// Not a client module: the server pages import the factories below for their prefetch.
import { keepPreviousData, queryOptions, useQueries, useQuery, useQueryClient } from "@tanstack/react-query";
import pLimit from "p-limit";
import { getJson, INVENTORY_LIVE_MS, type Fetcher } from "@/lib/query-client";
import { encryptionKeyKeys } from "@/lib/query-keys";
import type { AllKeysPageQuery, AllKeysPageResponse, EncryptionKeyResponse, KeyNumbersResponse } from "@/lib/schemas/encryption-keys";

const base = (spaceId: string) => `/api/spaces/${encodeURIComponent(spaceId)}/encryption-keys`;

/**
 * Per-number key reads are only made for numbers the inventory has no key for yet (each one is a
 * GetPhoneEncryptionPublicKey, 5 per second per account): one at a time, so a late call delays
 * the next one too and CAMS never counts six in one second, and the browser's other connections
 * stay free for navigation.
 */
const limited = pLimit(1);

const getLimited = (url: string): Fetcher<EncryptionKeyResponse> => {
  const get = getJson<EncryptionKeyResponse>(url);
  return (ctx) => limited(() => get(ctx));
};

/** One number's key and its last change here (the number's key tab prefetches it with getEncryptionKey). */
export const keyQuery = (
  spaceId: string,
  phone: string,
  fetcher: Fetcher<EncryptionKeyResponse> = getLimited(`${base(spaceId)}/${encodeURIComponent(phone)}`),
) => queryOptions({ queryKey: encryptionKeyKeys.detail(spaceId, phone), queryFn: fetcher });

/** One space's numbers with their stored keys and last key change (the keys page prefetches it with listKeyNumbers). */
export const keyNumbersQuery = (spaceId: string, fetcher: Fetcher<KeyNumbersResponse> = getJson(base(spaceId))) =>
  queryOptions({ queryKey: encryptionKeyKeys.list(spaceId), queryFn: fetcher, refetchInterval: INVENTORY_LIVE_MS });

/** One page of every readable space's numbers with their stored keys, paged in SQL (the All-spaces page prefetches page 1 with pageAllSpacesKeys). */
export const allKeysPageQuery = (query: AllKeysPageQuery, fetcher: Fetcher<AllKeysPageResponse> = getJson(`/api/encryption-keys/all/page?page=${query.page}`)) =>
  queryOptions({ queryKey: encryptionKeyKeys.allPage(query), queryFn: fetcher, placeholderData: keepPreviousData, refetchInterval: INVENTORY_LIVE_MS });

export function useAllKeysPage(query: AllKeysPageQuery) {
  return useQuery(allKeysPageQuery(query));
}

export function useKeyNumbers(spaceId: string, enabled = true) {
  return useQuery({ ...keyNumbersQuery(spaceId), enabled });
}

/** Several spaces' number lists at once (the "All spaces" view). */
export function useKeyNumbersOf(spaceIds: string[]) {
  return useQueries({ queries: spaceIds.map((id) => keyNumbersQuery(id)) });
}

export function useEncryptionKey(spaceId: string, phone: string, enabled = true) {
  return useQuery({ ...keyQuery(spaceId, phone), enabled });
}

/** Many numbers' keys (a page of the list); `skip` rows are not asked about (known unverified, or their key came with the list). */
export function useEncryptionKeys(rows: { spaceId: string; phoneNumber: string; skip?: boolean }[]) {
  return useQueries({ queries: rows.map((r) => ({ ...keyQuery(r.spaceId, r.phoneNumber), enabled: !r.skip })) });
}

/** After a change, or "refresh": one number's key (and the lists showing its last change), or a whole space's. */
export function useRefreshKeys() {
  const qc = useQueryClient();
  return {
    one: (spaceId: string, phone: string) => qc.invalidateQueries({ queryKey: encryptionKeyKeys.detail(spaceId, phone) }),
    space: (spaceId: string) =>
      Promise.all([
        qc.invalidateQueries({ queryKey: encryptionKeyKeys.list(spaceId) }),
        qc.invalidateQueries({ queryKey: encryptionKeyKeys.spaceDetails(spaceId) }),
      ]),
    changed: (spaceId: string, phone: string) =>
      Promise.all([
        qc.invalidateQueries({ queryKey: encryptionKeyKeys.detail(spaceId, phone) }),
        qc.invalidateQueries({ queryKey: encryptionKeyKeys.list(spaceId) }),
        qc.invalidateQueries({ queryKey: encryptionKeyKeys.allPages() }),
      ]),
  };
}
