"use client";

import Link from "@/components/ui/link";
import { useTranslations } from "next-intl";
import { memo } from "react";
import { EnumBadge, useEnumLabel } from "@/components/phone-numbers/enum-badge";
import type { ListRow } from "@/components/phone-numbers/list-columns";
import type { SortKey } from "@/components/phone-numbers/use-list-state";
import { PhoneNumberText } from "@/components/phone-numbers/phone-number-text";
import { HealthBadge } from "@/components/profile/health-badge";
import { SortHeader } from "@/components/sort-header";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow, type HideBelow } from "@/components/ui/table";

/** Number, display name and status always show; the rest join as the screen widens. */
const COLUMN_BREAKPOINT = { space: "sm", quality: "sm", verification: "md", tier: "lg", nameStatus: "lg" } as const satisfies Partial<Record<SortKey, HideBelow>>;
const CHANGES_BREAKPOINT: HideBelow = "md";

/** The number's history events of the last 7 days, linking to its History tab. */
function RecentChanges({ row }: { row: ListRow }) {
  const t = useTranslations("history");
  const n = row.changes7d ?? 0;
  return (
    <Link
      href={`/s/${row.spaceId}/phone-numbers/${row.phoneNumber}/history`}
      data-testid="changes-7d"
      data-count={n}
      title={t("changes7dHint", { count: n })}
      aria-label={t("changes7dHint", { count: n })}
      className={`rounded tabular-nums hover:underline focus-visible:outline-2 focus-visible:outline-ring ${n ? "font-medium" : "text-muted-foreground"}`}
    >
      {n}
    </Link>
  );
}

interface Props {
  rows: ListRow[];
  showSpace: boolean;
  sort: SortKey;
  dir: "asc" | "desc";
  onSort: (key: SortKey) => void;
  /** The search this table shows (the deferred value): lets tests and the benchmark see when it caught up. */
  query: string;
  busy: boolean;
}

const Row = memo(function Row({ row, showSpace }: { row: ListRow; showSpace: boolean }) {
  const label = useEnumLabel();
  const newName = row.newNameStatus && row.newNameStatus !== "NONE" ? row.newNameStatus : null;
  return (
    <TableRow data-testid={`phone-row-${row.phoneNumber}`}>
      <TableCell>
        <Link
          href={`/s/${row.spaceId}/phone-numbers/${row.phoneNumber}`}
          className="rounded hover:underline focus-visible:outline-2 focus-visible:outline-ring"
        >
          <PhoneNumberText phone={row.phoneNumber} />
        </Link>
      </TableCell>
      {showSpace ? (
        <TableCell hideBelow={COLUMN_BREAKPOINT.space} className="min-w-24 whitespace-normal">
          {row.spaceName}
        </TableCell>
      ) : null}
      {/* Names wrap rather than widen the table: it fits a phone (with the longest status badge,
          "Disconnected", at 390 px) and the all-spaces list at 1440 px. */}
      <TableCell className="min-w-20 whitespace-normal">
        {row.verifiedName ?? "—"}
      </TableCell>
      <TableCell>
        <EnumBadge kind="status" value={row.status} />
        {/* Health (GetWhatsappHealthStatus, from the inventory) under the status, when it was checked. */}
        {row.health ? (
          <span className="mt-1 block">
            <HealthBadge value={row.health} checkedAt={row.healthCheckedAt ?? undefined} />
          </span>
        ) : null}
      </TableCell>
      <TableCell hideBelow={COLUMN_BREAKPOINT.quality}>
        <EnumBadge kind="quality" value={row.qualityRating} />
      </TableCell>
      <TableCell hideBelow={COLUMN_BREAKPOINT.tier}>{row.messagingLimitTier ? label("tier", row.messagingLimitTier) : "—"}</TableCell>
      <TableCell hideBelow={COLUMN_BREAKPOINT.nameStatus}>
        {/* The pending new name's status sits under the badge: the row is two lines tall anyway. */}
        <EnumBadge kind="nameStatus" value={row.nameStatus} />
        {newName ? <span className="block text-xs text-muted-foreground">→ {label("nameStatus", newName)}</span> : null}
      </TableCell>
      <TableCell hideBelow={COLUMN_BREAKPOINT.verification}>
        <EnumBadge kind="verification" value={row.codeVerificationStatus} />
      </TableCell>
      <TableCell hideBelow={CHANGES_BREAKPOINT} className="text-right">
        <RecentChanges row={row} />
      </TableCell>
    </TableRow>
  );
});

/** One page of numbers. Memoised: typing in the search box re-renders it only once the filter has caught up. */
export const ListTable = memo(function ListTable({ rows, showSpace, sort, dir, onSort, query, busy }: Props) {
  const t = useTranslations("phoneNumbers.columns");
  const th = useTranslations("history");
  const h = { sort, dir, onSort };
  return (
    <Table data-testid="phone-table" data-query={query} aria-busy={busy || undefined} aria-label={t("caption")}>
      <TableHeader>
        <TableRow className="hover:bg-transparent">
          <SortHeader k="number" label={t("number")} {...h} />
          {showSpace ? <SortHeader k="space" label={t("space")} hideBelow={COLUMN_BREAKPOINT.space} {...h} /> : null}
          <SortHeader k="name" label={t("name")} className="whitespace-normal" {...h} />
          <SortHeader k="status" label={t("status")} {...h} />
          <SortHeader k="quality" label={t("quality")} hideBelow={COLUMN_BREAKPOINT.quality} {...h} />
          <SortHeader k="tier" label={t("tier")} hideBelow={COLUMN_BREAKPOINT.tier} {...h} />
          <SortHeader k="nameStatus" label={t("nameStatus")} hideBelow={COLUMN_BREAKPOINT.nameStatus} {...h} />
          <SortHeader k="verification" label={t("verification")} hideBelow={COLUMN_BREAKPOINT.verification} {...h} />
          <TableHead hideBelow={CHANGES_BREAKPOINT} className="text-right whitespace-nowrap">
            {th("changes7d")}
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((r) => (
          <Row key={`${r.spaceId}/${r.phoneNumber}`} row={r} showSpace={showSpace} />
        ))}
      </TableBody>
    </Table>
  );
});
