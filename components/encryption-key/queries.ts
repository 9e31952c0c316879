// Not a client module: the server pages import the factories below for their prefetch.
import { queryOptions, useQueries, useQuery, useQueryClient } from "@tanstack/react-query";
import pLimit from "p-limit";
import { getJson, type Fetcher } from "@/lib/query-client";
import { encryptionKeyKeys } from "@/lib/query-keys";
import type { EncryptionKeyResponse, KeyNumbersResponse } from "@/lib/schemas/encryption-keys";

const base = (spaceId: string) => `/api/spaces/${encodeURIComponent(spaceId)}/encryption-keys`;

/**
 * Key reads go one at a time from this tab. The server's limiter paces CAMS calls (5 per second
 * per account) by reserving time slots; with several reads queued at once, one call delayed on
 * its way (a busy server) lands next to the on-time calls behind it, and CAMS counts six in one
 * second. Sent one after another, a late call delays the next one too, so that cannot happen,
 * and the pace stays the same (each call takes far less than its 1/5 s slot). It also leaves
 * the browser's other connections to the app free for navigation.
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

/** One space's numbers with their last key change (the keys page prefetches it with listKeyNumbers). */
export const keyNumbersQuery = (spaceId: string, fetcher: Fetcher<KeyNumbersResponse> = getJson(base(spaceId))) =>
  queryOptions({ queryKey: encryptionKeyKeys.list(spaceId), queryFn: fetcher });

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

/** Many numbers' keys (a page of the list); `skip` rows are not asked about (known unverified). */
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
      ]),
  };
}
