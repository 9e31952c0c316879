"use client";

import { Building2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { SettingsList } from "@/components/settings-list";
import { TableCell, TableRow } from "@/components/ui/table";
import type { SpaceDto } from "@/lib/schemas/spaces";
import { DeleteSpaceDialog } from "@/components/spaces/delete-space-dialog";
import { SpaceDialog } from "@/components/spaces/space-dialog";

export function SpacesTable({ spaces, accounts }: { spaces: SpaceDto[]; accounts: { id: string; name: string }[] }) {
  const t = useTranslations("spaces");
  const tc = useTranslations("common");
  return (
    <SettingsList
      id="spaces"
      title={t("title")}
      description={t("description")}
      add={<SpaceDialog accounts={accounts} />}
      columns={[{ label: t("name") }, { label: t("custSpaceId") }, { label: t("account") }, { label: t("members"), align: "right" }]}
      actionsLabel={tc("actions")}
      empty={spaces.length === 0 ? { icon: <Building2 />, title: t("empty"), description: t("emptyBody") } : null}
    >
      {spaces.map((s) => (
        <TableRow key={s.id} data-testid={`space-row-${s.custSpaceId}`} data-space-id={s.id}>
          <TableCell className="font-medium">{s.name}</TableCell>
          <TableCell className="font-mono text-xs">{s.custSpaceId}</TableCell>
          <TableCell>
            {s.accountName ?? <span className="text-muted-foreground">{t("noAccount")}</span>}{" "}
            {s.isSandbox ? <Badge variant="warning">{tc("sandbox")}</Badge> : null}
          </TableCell>
          <TableCell className="text-right tabular-nums">{s.members}</TableCell>
          <TableCell className="space-x-2 whitespace-nowrap text-right">
            <SpaceDialog accounts={accounts} space={s} />
            <DeleteSpaceDialog space={s} />
          </TableCell>
        </TableRow>
      ))}
    </SettingsList>
  );
}
