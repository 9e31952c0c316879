import { QueryClient, QueryClientProvider, type QueryKey } from "@tanstack/react-query";
import { act, renderHook, waitFor } from "@testing-library/react";
import { useAction } from "next-safe-action/hooks";
import { createElement, type ReactNode } from "react";
import { expect } from "vitest";

/**
 * For renderHook tests of the hooks that refresh queries after a change: a fresh client holding a
 * cached value under each of `keys`, unobserved, so invalidating marks a query and fetches nothing.
 */
export function seededClient(keys: readonly QueryKey[]) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  for (const key of keys) client.setQueryData(key, { seeded: key });
  const wrapper = ({ children }: { children: ReactNode }) => createElement(QueryClientProvider, { client }, children);
  /** The keys marked stale, in the order seeded. */
  const invalidated = () =>
    keys.filter((key) => client.getQueryCache().find({ queryKey: key, exact: true })?.state.isInvalidated);
  return { client, wrapper, invalidated };
}

type Outcome = "succeeds" | "fails";

/**
 * Runs a server action through next-safe-action's useAction, as the forms and buttons do, with
 * `after(hookValue)` as its onSuccess; resolves once the action has settled. The action is a
 * stand-in answering as the server does: `{ data }` on success, `{ serverError }` on a refusal.
 */
export async function runAction<T>(wrapper: ReturnType<typeof seededClient>["wrapper"], useHook: () => T, outcome: Outcome, after: (hook: T) => unknown) {
  const action = async () => (outcome === "succeeds" ? { data: { ok: true } } : { serverError: { message: "refused", key: "notAllowed" } });
  let settled = false;
  const { result } = renderHook(
    () => {
      const hook = useHook();
      return useAction(action, { onSuccess: () => after(hook), onSettled: () => void (settled = true) });
    },
    { wrapper },
  );
  await act(async () => {
    await result.current.executeAsync(undefined);
  });
  await waitFor(() => expect(settled).toBe(true));
  return result.current;
}
