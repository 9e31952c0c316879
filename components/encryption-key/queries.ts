"use client";

import { useQueries, useQuery, useQueryClient } from "@tanstack/react-query";
import pLimit from "p-limit";
import { fetchJson, NO_RETRY } from "@/lib/query-client";
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

export const keyQuery = (spaceId: string, phone: string) => ({
  queryKey: encryptionKeyKeys.detail(spaceId, phone),
  queryFn: ({ signal }: { signal: AbortSignal }) =>
    limited(() => fetchJson<EncryptionKeyResponse>(`${base(spaceId)}/${encodeURIComponent(phone)}`, { signal })),
  ...NO_RETRY,
});

export function useKeyNumbers(spaceId: string, enabled = true) {
  return useQuery({
    queryKey: encryptionKeyKeys.list(spaceId),
    queryFn: ({ signal }) => fetchJson<KeyNumbersResponse>(base(spaceId), { signal }),
    enabled,
    ...NO_RETRY,
  });
}

/** Several spaces' number lists at once (the "All spaces" view). */
export function useKeyNumbersOf(spaceIds: string[]) {
  return useQueries({
    queries: spaceIds.map((id) => ({
      queryKey: encryptionKeyKeys.list(id),
      queryFn: ({ signal }: { signal: AbortSignal }) => fetchJson<KeyNumbersResponse>(base(id), { signal }),
      ...NO_RETRY,
    })),
  });
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
