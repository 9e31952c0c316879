import "server-only";

/**
 * A worker loop's idle wait that a wake-up ends early. A wake-up while the loop was busy is kept,
 * so new work never waits a full poll. Shared by the bulk job worker and the inventory sweep.
 */
export function createWaker() {
  let wakeUp: (() => void) | null = null;
  let woken = false;
  return {
    sleep(ms: number): Promise<void> {
      return new Promise<void>((resolve) => {
        if (woken) {
          woken = false;
          return resolve();
        }
        const timer = setTimeout(done, ms);
        function done() {
          clearTimeout(timer);
          wakeUp = null;
          woken = false;
          resolve();
        }
        wakeUp = done;
      });
    },
    wake(): void {
      if (wakeUp) wakeUp();
      else woken = true;
    },
  };
}

/**
 * A worker's pieces of work started and not yet ended: each leaves the set when it settles (a
 * failure goes to `onError`), then `onEnd` runs (the worker wakes to claim more).
 */
export function createInFlight(onEnd: () => void) {
  const running = new Set<Promise<void>>();
  return {
    run(work: () => Promise<void>, onError: (err: unknown) => void): void {
      const p = work()
        .catch(onError)
        .finally(() => {
          running.delete(p);
          onEnd();
        });
      running.add(p);
    },
    get size() {
      return running.size;
    },
    /** Resolves when everything started so far has ended. */
    settled: () => Promise.allSettled([...running]).then(() => {}),
  };
}
