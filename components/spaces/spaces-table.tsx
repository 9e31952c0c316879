"use client";

import { Building2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { SpaceDto } from "@/lib/schemas/spaces";
import { DeleteSpaceDialog } from "@/components/spaces/delete-space-dialog";
import { SpaceDialog } from "@/components/spaces/space-dialog";

export function SpacesTable({ spaces, accounts }: { spaces: SpaceDto[]; accounts: { id: string; name: string }[] }) {
  const t = useTranslations("spaces");
  const tc = useTranslations("common");
  return (
    <section aria-labelledby="spaces-title" className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <div>
          <h2 id="spaces-title" className="text-lg font-semibold">
            {t("title")}
          </h2>
          <p className="text-sm text-muted-foreground">{t("description")}</p>
        </div>
        <SpaceDialog accounts={accounts} />
      </div>
      {spaces.length === 0 ? (
        <EmptyState icon={<Building2 />} title={t("empty")} description={t("emptyBody")} />
      ) : (
        <div className="overflow-x-auto rounded-md border">
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>{t("name")}</TableHead>
                <TableHead>{t("custSpaceId")}</TableHead>
                <TableHead>{t("account")}</TableHead>
                <TableHead className="text-right">{t("members")}</TableHead>
                <TableHead className="text-right">
                  <span className="sr-only">{tc("actions")}</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
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
            </TableBody>
          </Table>
        </div>
      )}
    </section>
  );
}
