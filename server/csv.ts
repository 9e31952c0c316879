import "server-only";

/** A CSV cell: quoted, and defused against spreadsheet formula injection. */
export function csvCell(v: unknown): string {
  let s = v === null || v === undefined ? "" : typeof v === "string" ? v : JSON.stringify(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return `"${s.replace(/"/g, '""')}"`;
}

/**
 * Rows as a CSV byte stream. Pull-based: the next batch is read only when the reader has taken
 * the last one, so a slow client holds one batch in memory, not the whole export. `onBatch` (for
 * benchmarks) hears each batch's row count.
 */
export function csvStream<T>(header: readonly string[], batches: AsyncGenerator<T[]>, cells: (row: T) => unknown[], onBatch?: (rows: number) => void) {
  const encoder = new TextEncoder();
  let headerSent = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(header.join(",") + "\r\n"));
        return;
      }
      const next = await batches.next();
      if (next.done) return controller.close();
      onBatch?.(next.value.length);
      controller.enqueue(encoder.encode(next.value.length ? next.value.map((r) => cells(r).map(csvCell).join(",")).join("\r\n") + "\r\n" : ""));
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
}

/** A download's headers: CSV, named `<name>-<UTC time>.csv`, never cached. */
export function csvHeaders(name: string): HeadersInit {
  const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, "-");
  return { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${name}-${stamp}.csv"`, "cache-control": "no-store" };
}
