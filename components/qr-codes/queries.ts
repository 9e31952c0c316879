// Not a client module: the server pages import the factories below for their prefetch.
import { keepPreviousData, queryOptions, useQueries, useQuery, useQueryClient, type UseQueryResult } from "@tanstack/react-query";
import { useCallback, useMemo } from "react";
import { usePhoneList } from "@/components/phone-numbers/queries";
import pLimit from "p-limit";
import { getJson, INVENTORY_LIVE_MS, type Fetcher } from "@/lib/query-client";
import type { DetailsAsOf } from "@/lib/schemas/encryption-keys";
import { qrCodeKeys } from "@/lib/query-keys";
import type { PhoneNumberRow } from "@/lib/schemas/phone-numbers";
import { mayHaveQrCodes, type AllQrPageQuery, type AllQrPageResponse, type NumberQrCodesResponse, type QrCodeDto } from "@/lib/schemas/qr-codes";

const url = (spaceId: string, phone: string) => `/api/spaces/${encodeURIComponent(spaceId)}/qr-codes/${encodeURIComponent(phone)}`;

// The codes come from the inventory (ListPhoneMessageQrdl only for a number never observed, paced
// by the server); this keeps a space with many numbers from holding every browser connection at
// once, so the page's other requests are not stuck behind a queue of QR lists.
const limited = pLimit(4);

const getLimited = (spaceId: string, phone: string): Fetcher<NumberQrCodesResponse> => {
  const get = getJson<NumberQrCodesResponse>(url(spaceId, phone));
  return (ctx) => limited(() => get(ctx));
};

/** One number's codes from the inventory (the number's QR tab prefetches it with listNumberQrCodes). */
export const numberQrCodesQuery = (spaceId: string, phone: string, fetcher: Fetcher<NumberQrCodesResponse> = getLimited(spaceId, phone)) =>
  queryOptions({ queryKey: qrCodeKeys.number(spaceId, phone), queryFn: fetcher, refetchInterval: INVENTORY_LIVE_MS });

/** The "as of" of several numbers' codes: the oldest observation, stale when any is. */
export function oldestAsOf(answers: (NumberQrCodesResponse | undefined)[]): { observedAt: string; stale: boolean; lastError: DetailsAsOf["lastError"] } | null {
  const seen = answers.filter((a): a is NumberQrCodesResponse & { observedAt: string } => !!a?.observedAt);
  if (!seen.length) return null;
  const stale = seen.find((a) => a.stale);
  return { observedAt: seen.map((a) => a.observedAt).sort()[0]!, stale: !!stale, lastError: stale?.lastError ?? null };
}

const pageUrl = (query: AllQrPageQuery) =>
  `/api/qr-codes/all/page?${new URLSearchParams(Object.entries(query).flatMap(([k, v]) => (v === "" || v === undefined ? [] : [[k, String(v)]])))}`;

/** One page of every readable space's stored codes, searched and paged in SQL (the All-spaces page prefetches it with pageAllSpacesQrCodes). */
export const allQrPageQuery = (query: AllQrPageQuery, fetcher: Fetcher<AllQrPageResponse> = getJson(pageUrl(query))) =>
  queryOptions({ queryKey: qrCodeKeys.allPage(query), queryFn: fetcher, placeholderData: keepPreviousData, refetchInterval: INVENTORY_LIVE_MS });

export function useAllQrPage(query: AllQrPageQuery) {
  return useQuery(allQrPageQuery(query));
}

export function useNumberQrCodes(spaceId: string, phone: string) {
  return useQuery(numberQrCodesQuery(spaceId, phone));
}

/** A number the space page asks about, with what the table shows beside its codes. */
const NO_NUMBERS: NumberRef[] = [];

export interface NumberRef {
  spaceId: string;
  spaceName?: string;
  phoneNumber: string;
  verifiedName: string | null;
}

export interface QrRow extends QrCodeDto, NumberRef {}

export interface NumberLoad {
  number: NumberRef;
  query: UseQueryResult<NumberQrCodesResponse>;
}

/**
 * Every code of every number of one space: the numbers come from the phone-number list, then each
 * verified number's codes from the inventory. The keys are the number tab's own, so a change made
 * on either page refreshes both. (All spaces: one page in SQL, useAllQrPage.)
 */
export function useSpaceQrCodes(spaceId: string) {
  const numbersQuery = usePhoneList(spaceId, "");

  const numbers = useMemo<NumberRef[] | undefined>(
    () =>
      numbersQuery.data?.numbers
        .filter((n: PhoneNumberRow) => mayHaveQrCodes(n.codeVerificationStatus))
        .map((n): NumberRef => ({ spaceId, phoneNumber: n.phoneNumber, verifiedName: n.verifiedName })),
    [numbersQuery.data, spaceId],
  );

  const list = numbers ?? NO_NUMBERS;
  // combine re-runs only when a result or this function changes, so rows keep their identity
  // between renders and the filters below are not recomputed on every keystroke elsewhere.
  const combine = useCallback(
    (results: UseQueryResult<NumberQrCodesResponse>[]) => ({
      loads: results.map((query, i): NumberLoad => ({ number: list[i]!, query })),
      rows: results.flatMap((q, i) => (q.data?.codes ?? []).map((c): QrRow => ({ ...c, ...list[i]! }))),
    }),
    [list],
  );
  const { loads, rows } = useQueries({ queries: list.map((n) => numberQrCodesQuery(n.spaceId, n.phoneNumber)), combine });
  const failed = loads.filter((l) => l.query.isError);
  const pending = loads.filter((l) => l.query.isPending).length;
  const refetchFailed = () => failed.forEach((l) => void l.query.refetch());

  return { numbers, numbersQuery, loads, rows, failed, pending, refetchFailed };
}

/** After a change: the number's codes, wherever they are shown, and the All-spaces pages. */
export function useInvalidateQrCodes() {
  const qc = useQueryClient();
  return useCallback(
    (spaceId: string, phone: string) =>
      Promise.all([qc.invalidateQueries({ queryKey: qrCodeKeys.number(spaceId, phone) }), qc.invalidateQueries({ queryKey: qrCodeKeys.allPages() })]),
    [qc],
  );
}
