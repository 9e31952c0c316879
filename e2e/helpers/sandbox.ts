import { E2E } from "./env";

/** The sandbox's control API (/_sandbox/…), for codes, fault injection and call counts. */
export async function sandbox<T = unknown>(method: string, path: string, body?: unknown, base = E2E.sandboxUrl): Promise<T> {
  const res = await fetch(`${base}/_sandbox/${path}`, {
    method,
    // The control API needs its token (playwright.config.ts makes one per run).
    headers: { authorization: `Bearer ${E2E.sandboxControlToken}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return (await res.json().catch(() => ({}))) as T;
}

export const injectFault = (fault: Record<string, unknown>, base?: string) => sandbox("POST", "faults", fault, base);
/**
 * Specs run side by side (two Playwright workers), so a spec injects faults only for its own
 * CustSpaceIds, clears only those, and counts only its own spaces' calls.
 */
export const clearFaults = (custSpaceId: string, base?: string) =>
  sandbox("DELETE", `faults?custSpaceId=${encodeURIComponent(custSpaceId)}`, undefined, base);
export const sandboxCalls = (custSpaceId: string, base?: string) =>
  sandbox<{ byAction: Record<string, number>; limitControl: number; total: number }>(
    "GET",
    `calls?custSpaceId=${encodeURIComponent(custSpaceId)}`,
    undefined,
    base,
  );
export const sandboxCode = (phone: string, base?: string) => sandbox<{ code?: string }>("GET", `codes/${phone}`, undefined, base);
export const sandboxSpaces = (base?: string) =>
  sandbox<{ custSpaceId: string; name: string; numbers: number }[]>("GET", "spaces", undefined, base);
