import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";

/**
 * Priority lanes of the shared CAMS budget: a person waiting on a page or a form goes first, then
 * changes (a console change's own calls, bulk items), then the inventory's sweeps, which only take
 * what is left. The lane travels with the async context, so every call made inside `withLane`
 * (however deep: camsForSpace, data functions) is paced in that lane.
 */
export type Lane = "person" | "change" | "sweep";

const store = new AsyncLocalStorage<Lane>();

export function withLane<T>(lane: Lane, fn: () => Promise<T>): Promise<T> {
  return store.run(lane, fn);
}

/** The lane of the current call; a request of a person unless someone said otherwise. */
export function currentLane(): Lane {
  return store.getStore() ?? "person";
}
