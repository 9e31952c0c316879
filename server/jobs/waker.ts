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
