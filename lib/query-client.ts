import { QueryClient } from "@tanstack/react-query";

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly body?: unknown,
  ) {
    super(message);
  }
}

/** GET a JSON route handler; non-2xx becomes an HttpError carrying the body (CAMS error details). */
export async function fetchJson<T>(url: string, init?: RequestInit): Promise<T> {
  const res = await fetch(url, { ...init, headers: { accept: "application/json", ...init?.headers } });
  const body = await res.json().catch(() => undefined);
  if (!res.ok) throw new HttpError(res.status, (body as { message?: string })?.message ?? res.statusText, body);
  return body as T;
}

/**
 * Where a read's data comes from. A `queryOptions` factory (components/<feature>/queries.ts) fixes
 * the key and the options; the fetcher is the side's own: in the browser a GET of the read's route
 * (`getJson`), during a server page's prefetch the server/data function behind that route.
 */
export type Fetcher<T> = (ctx: { signal: AbortSignal }) => Promise<T>;

/** The browser's fetcher: GET `url`, aborted when the query is cancelled. */
export const getJson =
  <T>(url: string): Fetcher<T> =>
  ({ signal }) =>
    fetchJson<T>(url, { signal });

export function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 60_000,
        refetchOnWindowFocus: false,
        // No retry from here: the server already retried what is safe to retry (idempotent CAMS
        // reads, with backoff under the account's rate limit), a second round from the browser
        // would only queue more calls behind a throttled account, and an auth failure gives the
        // same answer twice. A read that failed shows its explained error with a retry button.
        retry: false,
      },
    },
  });
}

/** Views read from the inventory ask again this often while open (the sweep and revalidation keep it fresh). */
export const INVENTORY_LIVE_MS = 20_000;
