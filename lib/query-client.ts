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
 * For reads of CAMS data: the server already retried what is safe to retry (idempotent reads, with
 * backoff under the account's rate limit); a second round from the browser would only queue more
 * calls behind a throttled account.
 */
export const NO_RETRY = { retry: false } as const;

export function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 60_000,
        refetchOnWindowFocus: false,
        // No retry on auth failures: a second try gives the same answer.
        retry: (count, err) => !(err instanceof HttpError && [400, 401, 403, 404].includes(err.status)) && count < 1,
      },
    },
  });
}
