"use client";

import type { UseQueryResult } from "@tanstack/react-query";
import { CircleX } from "lucide-react";
import Link from "@/components/ui/link";
import { useTranslations } from "next-intl";
import { useExplainError } from "@/components/action-error";
import { LastChange } from "@/components/encryption-key/key-details";
import { CheckingBadge, KeyStatusBadge } from "@/components/encryption-key/key-status";
import { PhoneNumberText } from "@/components/phone-numbers/phone-number-text";
import { readErrorOf } from "@/components/read-error";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { TableCell, TableRow } from "@/components/ui/table";
import { formatPhoneNumber } from "@/lib/phone";
import type { EncryptionKeyResponse, KeyState } from "@/lib/schemas/encryption-keys";
import type { KeyListRow } from "@/components/encryption-key/keys-table";

const NOT_VERIFIED: KeyState = { state: "notVerified" };

/** A failed read in one row: what went wrong in a few words, the code and request id to quote. */
function RowError({ query }: { query: UseQueryResult<EncryptionKeyResponse> }) {
  const t = useTranslations("encryptionKeys.status");
  const explain = useExplainError();
  const e = readErrorOf(query.error)!;
  const { title } = explain(e);
  return (
    <div className="flex flex-col gap-1" data-testid="row-error">
      <Badge variant="destructive" data-key-status="error">
        <CircleX aria-hidden="true" />
        {t("error")}
      </Badge>
      <span className="text-xs">{title}</span>
      {e.code || e.requestId ? (
        <span className="font-mono text-[11px] break-all text-muted-foreground">{[e.code, e.requestId].filter(Boolean).join(" · ")}</span>
      ) : null}
    </div>
  );
}

export function KeyRow({
  row,
  query,
  showSpace,
}: {
  row: KeyListRow;
  query: UseQueryResult<EncryptionKeyResponse> | undefined;
  showSpace: boolean;
}) {
  const t = useTranslations("encryptionKeys.list");
  const phone = formatPhoneNumber(row.phoneNumber);
  const data = query?.data;
  // The list's stored key first (it is refetched while the page is open), then the number's own read.
  const result: KeyState | null = row.result ?? (row.skip ? NOT_VERIFIED : (data?.result ?? null));
  const key = result?.state === "key" ? result.key : null;
  const href = `/s/${row.spaceId}/phone-numbers/${row.phoneNumber}/encryption-key`;

  let status: React.ReactNode;
  if (result) status = <KeyStatusBadge result={result} />;
  else if (query?.error) status = <RowError query={query} />;
  else status = <CheckingBadge />;

  return (
    <TableRow data-testid={`key-row-${row.phoneNumber}`}>
      <TableCell>
        <Link href={href} className="flex flex-col rounded hover:underline focus-visible:outline-2 focus-visible:outline-ring">
          <PhoneNumberText phone={row.phoneNumber} inline />
          <span className="text-xs text-muted-foreground">{row.verifiedName ?? "—"}</span>
        </Link>
      </TableCell>
      {showSpace ? <TableCell hideBelow="sm">{row.spaceName}</TableCell> : null}
      <TableCell>{status}</TableCell>
      <TableCell hideBelow="md" className="whitespace-nowrap">
        {key?.keyType ? `${key.keyType} ${key.bits ?? ""}`.trim() : "—"}
      </TableCell>
      <TableCell hideBelow="lg">
        {key?.fingerprint ? (
          <code className="font-mono text-xs" title={key.fingerprint}>
            {key.fingerprint.slice(0, 23)}…
          </code>
        ) : (
          "—"
        )}
      </TableCell>
      <TableCell hideBelow="lg" className="text-sm">
        <LastChange change={row.lastChange} compact />
      </TableCell>
      <TableCell className="text-right whitespace-nowrap">
        <Button variant="outline" size="sm" asChild>
          <Link href={href} aria-label={t("manageLabel", { phone })}>
            {t("manage")}
          </Link>
        </Button>
      </TableCell>
    </TableRow>
  );
}
