"use client";

import type { UseQueryResult } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { statusKind, type KeyStatusKind } from "@/components/encryption-key/key-status";
import type { EncryptionKeyResponse } from "@/lib/schemas/encryption-keys";
import type { KeyListRow } from "@/components/encryption-key/keys-table";

type Count = KeyStatusKind | "error" | "checking";
const ORDER: { kind: Count; dot: string }[] = [
  { kind: "VALID", dot: "bg-success" },
  { kind: "MISMATCH", dot: "bg-destructive" },
  { kind: "none", dot: "bg-muted-foreground/50" },
  { kind: "notVerified", dot: "bg-muted-foreground/30" },
  { kind: "unknown", dot: "bg-warning" },
  { kind: "error", dot: "bg-destructive" },
  { kind: "checking", dot: "bg-muted-foreground/20" },
];

/** Counts per state of the rows on screen, so a MISMATCH among dozens of numbers is seen at once. */
export function KeysSummary({ rows, keys }: { rows: KeyListRow[]; keys: UseQueryResult<EncryptionKeyResponse>[] }) {
  const t = useTranslations("encryptionKeys.summary");
  const counts = new Map<Count, number>();
  rows.forEach((r, i) => {
    const q = keys[i];
    const kind: Count = r.result ? statusKind(r.result) : r.skip ? "notVerified" : q?.data ? statusKind(q.data.result) : q?.error ? "error" : "checking";
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
  });
  if (rows.length === 0) return <span />;
  return (
    <ul className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm" aria-label={t("label")} data-testid="keys-summary">
      {ORDER.filter((o) => counts.get(o.kind)).map(({ kind, dot }) => (
        <li key={kind} className="flex items-center gap-1.5" data-summary={kind}>
          <span aria-hidden="true" className={`size-2 rounded-full ${dot}`} />
          {t(kind, { count: counts.get(kind)! })}
        </li>
      ))}
    </ul>
  );
}
