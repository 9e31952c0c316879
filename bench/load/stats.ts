/** Per request kind: answers by verdict and their latencies, and a printable table. */
import { percentile } from "../phone-list/measure";

export type Verdict = "ok" | "expected" | "unexpected";

interface KindStats {
  ok: number;
  expected: number;
  unexpected: number;
  ms: number[];
  /** A few unexpected answers, to say what went wrong. */
  samples: string[];
  /** Expected errors by code (RateLimit.QueueFull, 429 …). */
  expectedCodes: Map<string, number>;
}

export class Stats {
  readonly kinds = new Map<string, KindStats>();

  private of(kind: string): KindStats {
    let s = this.kinds.get(kind);
    if (!s) this.kinds.set(kind, (s = { ok: 0, expected: 0, unexpected: 0, ms: [], samples: [], expectedCodes: new Map() }));
    return s;
  }

  record(kind: string, verdict: Verdict, ms: number, detail = ""): void {
    const s = this.of(kind);
    s[verdict]++;
    s.ms.push(ms);
    if (verdict === "expected") s.expectedCodes.set(detail, (s.expectedCodes.get(detail) ?? 0) + 1);
    if (verdict === "unexpected" && s.samples.length < 3) s.samples.push(detail.slice(0, 300));
  }

  total(verdict: Verdict): number {
    return [...this.kinds.values()].reduce((a, s) => a + s[verdict], 0);
  }

  table(): string {
    const head = ["request", "answered", "ok", "expected err", "unexpected", "p50 ms", "p95 ms", "max ms"];
    const row = (name: string, s: Pick<KindStats, "ok" | "expected" | "unexpected" | "ms">) => [
      name,
      String(s.ok + s.expected + s.unexpected),
      String(s.ok),
      String(s.expected),
      String(s.unexpected),
      s.ms.length ? percentile(s.ms, 50).toFixed(0) : "–",
      s.ms.length ? percentile(s.ms, 95).toFixed(0) : "–",
      s.ms.length ? Math.max(...s.ms).toFixed(0) : "–",
    ];
    const all = [...this.kinds.values()];
    const rows = [...this.kinds.keys()].sort().map((k) => row(k, this.kinds.get(k)!));
    rows.push(
      row("**all**", {
        ok: this.total("ok"),
        expected: this.total("expected"),
        unexpected: this.total("unexpected"),
        ms: all.flatMap((s) => s.ms),
      }),
    );
    return markdownTable(head, rows);
  }

  /** Expected errors by code and the sampled unexpected answers, one line each. */
  notes(): string[] {
    const out: string[] = [];
    for (const [k, s] of this.kinds) {
      if (s.expectedCodes.size) out.push(`expected, ${k}: ${[...s.expectedCodes].map(([c, n]) => `${c} ×${n}`).join(", ")}`);
      for (const d of s.samples) out.push(`UNEXPECTED, ${k}: ${d}`);
    }
    return out;
  }
}

export function markdownTable(head: string[], rows: string[][]): string {
  const widths = head.map((c, i) => Math.max(c.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => `| ${r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(" | ")} |`;
  return [line(head), `|${widths.map((w, i) => (i === 0 ? "-".repeat(w + 2) : `${"-".repeat(w + 1)}:`)).join("|")}|`, ...rows.map(line)].join("\n");
}
