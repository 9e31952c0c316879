"use client";

import Link from "@/components/ui/link";
import { useTranslations } from "next-intl";
import { Fragment } from "react";
import { PhoneNumberText } from "@/components/phone-numbers/phone-number-text";
import { SortHeader } from "@/components/sort-header";
import { Table, TableBody, TableCell, TableHeader, TableRow } from "@/components/ui/table";
import { FlagBadge, GroupChip, UrlCell } from "./cells";
import { settingsKey, type SettingsGroup, type SortDir, type SortKey, type WebhookListRow } from "./table-model";

interface Props {
  rows: WebhookListRow[];
  groups: SettingsGroup[];
  grouped: boolean;
  showSpace: boolean;
  sort: SortKey;
  dir: SortDir;
  onSort: (key: SortKey) => void;
}

function Row({ row, showSpace, group }: { row: WebhookListRow; showSpace: boolean; group?: SettingsGroup }) {
  const t = useTranslations("webhooks.table");
  return (
    <TableRow data-testid={`webhook-row-${row.phoneNumber}`} data-group={group?.index}>
      <TableCell>
        <Link
          href={`/s/${row.spaceId}/phone-numbers/${row.phoneNumber}/webhook`}
          aria-label={t("open", { phone: row.phoneNumber })}
          className="rounded hover:underline focus-visible:outline-2 focus-visible:outline-ring"
        >
          <PhoneNumberText phone={row.phoneNumber} />
        </Link>
        {row.verifiedName ? <span className="block max-w-48 truncate text-xs text-muted-foreground">{row.verifiedName}</span> : null}
      </TableCell>
      {showSpace ? (
        <TableCell hideBelow="sm" className="max-w-40 truncate">
          {row.spaceName}
        </TableCell>
      ) : null}
      <TableCell data-testid="status-url">
        <UrlCell url={row.statusCallbackUrl} className="max-w-36 sm:max-w-72" />
      </TableCell>
      <TableCell hideBelow="md" data-testid="inbound-url">
        <UrlCell url={row.upCallbackUrl} />
      </TableCell>
      <TableCell hideBelow="lg">
        <FlagBadge value={row.httpFlag} />
      </TableCell>
      <TableCell hideBelow="lg">
        <FlagBadge value={row.queueFlag} />
      </TableCell>
      <TableCell hideBelow="md">{group ? <GroupChip index={group.index} count={group.rows.length} /> : null}</TableCell>
    </TableRow>
  );
}

/** The Webhooks table, flat (a chip marks numbers with the same settings) or one block per distinct setting. */
export function WebhooksTableView({ rows, groups, grouped, showSpace, sort, dir, onSort }: Props) {
  const t = useTranslations("webhooks.table");
  const h = { sort, dir, onSort };
  const groupOf = new Map(groups.map((g) => [g.key, g]));
  const columns = showSpace ? 7 : 6;
  return (
    <Table data-testid="webhooks-table" aria-label={t("caption")}>
      <TableHeader>
        <TableRow>
          <SortHeader k="number" label={t("number")} {...h} />
          {showSpace ? <SortHeader k="space" label={t("space")} hideBelow="sm" {...h} /> : null}
          <SortHeader k="statusUrl" label={t("statusUrl")} {...h} />
          <SortHeader k="inboundUrl" label={t("inboundUrl")} hideBelow="md" {...h} />
          <SortHeader k="http" label={t("http")} hideBelow="lg" {...h} />
          <SortHeader k="queue" label={t("queue")} hideBelow="lg" {...h} />
          <SortHeader k="shared" label={t("shared")} hideBelow="md" {...h} />
        </TableRow>
      </TableHeader>
      <TableBody>
        {grouped
          ? groups.map((g) => {
              const inGroup = rows.filter((r) => settingsKey(r) === g.key);
              return (
                <Fragment key={g.key}>
                  <TableRow className="bg-muted/40 hover:bg-muted/40" data-testid={`webhook-group-${g.index}`}>
                    <TableCell colSpan={columns} className="py-2">
                      <span className="flex flex-wrap items-center gap-2 text-xs">
                        <GroupChip index={g.index} count={g.rows.length} />
                        <span className="font-medium">{t("groupCount", { count: g.rows.length })}</span>
                      </span>
                    </TableCell>
                  </TableRow>
                  {inGroup.map((r) => (
                    <Row key={`${r.spaceId}/${r.phoneNumber}`} row={r} showSpace={showSpace} group={g} />
                  ))}
                </Fragment>
              );
            })
          : rows.map((r) => <Row key={`${r.spaceId}/${r.phoneNumber}`} row={r} showSpace={showSpace} group={groupOf.get(settingsKey(r))} />)}
      </TableBody>
    </Table>
  );
}
