"use client";

import type { UseQueryResult } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import type { EncryptionKeyResponse, KeyNumberRow } from "@/lib/schemas/encryption-keys";
import { Table, TableBody, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { KeyRow } from "@/components/encryption-key/key-row";

export type KeyListRow = KeyNumberRow & { spaceId: string; spaceName: string; skip: boolean };

export function KeysTable({
  rows,
  keys,
  showSpace,
}: {
  rows: KeyListRow[];
  keys: UseQueryResult<EncryptionKeyResponse>[];
  showSpace: boolean;
}) {
  const t = useTranslations("encryptionKeys.list");
  return (
    <div className="rounded-md border">
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>{t("number")}</TableHead>
            {showSpace ? <TableHead hideBelow="sm">{t("space")}</TableHead> : null}
            <TableHead>{t("status")}</TableHead>
            <TableHead hideBelow="md">{t("key")}</TableHead>
            <TableHead hideBelow="lg">{t("fingerprint")}</TableHead>
            <TableHead hideBelow="lg">{t("lastChanged")}</TableHead>
            <TableHead className="text-right">{t("actions")}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((r, i) => (
            <KeyRow key={`${r.spaceId}/${r.phoneNumber}`} row={r} query={keys[i]} showSpace={showSpace} />
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
