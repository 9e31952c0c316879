import "server-only";
import pLimit from "p-limit";

/** Spaces read at once; the CAMS client's limiter then paces each account on top of this. */
export const SPACES_AT_ONCE = 4;

/** `fn` over every space, a few at a time, results in the spaces' order. */
export function eachSpace<S, R>(spaces: readonly S[], fn: (space: S) => Promise<R>): Promise<R[]> {
  return pLimit(SPACES_AT_ONCE).map(spaces, (space) => fn(space));
}
