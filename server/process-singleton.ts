import "server-only";

/**
 * One background worker per process (the job worker, the inventory sweep): started once at
 * server boot, kept on globalThis so it survives Next's module reloading in dev.
 */
export function processSingleton<W extends { start(): void; wake(): void }, O>(key: string, create: (opts?: O) => W) {
  const g = globalThis as unknown as Record<string, W | undefined>;
  return {
    /** Starts this process's worker once; later calls return the same one. */
    start(opts?: O): W {
      if (!g[key]) {
        g[key] = create(opts);
        g[key].start();
      }
      return g[key];
    },
    /** This process's worker, if it was started (the health check). */
    current: (): W | undefined => g[key],
    /** Nudges this process's worker; false when none runs here. */
    wake(): boolean {
      g[key]?.wake();
      return !!g[key];
    },
  };
}
