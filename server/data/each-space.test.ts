import { describe, expect, it } from "vitest";
import { eachSpace, SPACES_AT_ONCE } from "./each-space";

describe("eachSpace", () => {
  it("runs at most SPACES_AT_ONCE at a time, starts the next as one finishes, and keeps the spaces' order", async () => {
    let running = 0;
    let most = 0;
    const release: (() => void)[] = [];
    const spaces = Array.from({ length: 10 }, (_, i) => `s${i}`);
    let finished = false;
    const done = eachSpace(spaces, async (s) => {
      running++;
      most = Math.max(most, running);
      await new Promise<void>((r) => release.push(r));
      running--;
      return s.toUpperCase();
    }).finally(() => (finished = true));
    await expect.poll(() => release.length).toBe(SPACES_AT_ONCE);
    // One at a time, the latest started first, so results finish out of order.
    while (!finished) {
      await expect.poll(() => release.length > 0 || finished).toBe(true);
      release.pop()?.();
    }
    expect(await done).toEqual(spaces.map((s) => s.toUpperCase()));
    expect(most).toBe(SPACES_AT_ONCE);
  });
});
