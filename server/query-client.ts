import "server-only";
import { dehydrate, type FetchQueryOptions, type QueryKey } from "@tanstack/react-query";
import { unstable_rethrow } from "next/navigation";
import { cache } from "react";
import { makeQueryClient } from "@/lib/query-client";

/**
 * The request's QueryClient: one per server render, shared by its layouts and page, so a read the
 * layout prefetched is not made again by the page (and never leaks into another request).
 */
export const getQueryClient = cache(makeQueryClient);

/**
 * Prefetches a read into the request's client with the server-side fetcher (the server/data function,
 * never a fetch of our own route). A failed read is not dehydrated (only successful queries are): the
 * browser's first fetch of the same query shows the explained error with its retry button, as the
 * route answers it. notFound() or redirect() thrown by the fetcher still act. Returns the error, for
 * a page that explains it further.
 */
export async function prefetch<T, K extends QueryKey>(options: FetchQueryOptions<T, Error, T, K>): Promise<Error | null> {
  const qc = getQueryClient();
  await qc.prefetchQuery(options);
  const error = qc.getQueryState(options.queryKey)?.error ?? null;
  if (error) unstable_rethrow(error);
  return error;
}

/** What the page hands to `<HydrationBoundary state={…}>`: every successful read prefetched so far in this request. */
export const dehydrated = () => dehydrate(getQueryClient());
