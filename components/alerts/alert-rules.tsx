"use client";

import { useTranslations } from "next-intl";
import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { useToastActionError } from "@/components/action-error";
import { Label } from "@/components/ui/label";
import { Switch } from "@/components/ui/switch";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { filterSelectClass } from "@/components/url-filter-form";
import { ALERT_KINDS, type AlertKind } from "@/lib/alerts";
import type { AlertRuleRow } from "@/lib/schemas/alerts";
import { setAlertRuleAction } from "@/server/actions/alerts";
import { TitledSection } from "@/components/ui/titled-section";

/**
 * The alert rules: on/off for every space, and for one chosen space a three-way choice (as for
 * every space, on, off). Each change is saved at once (and audited).
 */
export function AlertRules({ rules, spaces }: { rules: AlertRuleRow[]; spaces: { id: string; name: string }[] }) {
  const t = useTranslations("alerts");
  const router = useRouter();
  const [space, setSpace] = useState(spaces[0]?.id ?? "");
  const toastError = useToastActionError();
  const save = useAction(setAlertRuleAction, {
    onSuccess: () => {
      toast.success(t("rules.saved"));
      router.refresh();
    },
    onError: ({ error }) => toastError(error.serverError, t("rules.title")),
  });
  const globalOn = (kind: AlertKind) => rules.find((r) => r.spaceId === null && r.kind === kind)?.enabled ?? true;
  const spaceSetting = (kind: AlertKind) => rules.find((r) => r.spaceId === space && r.kind === kind)?.enabled;
  return (
    <TitledSection id="alert-rules-title" title={t("rules.title")} description={t("rules.description")}>
      {spaces.length ? (
        <div className="max-w-xs space-y-1">
          <Label htmlFor="alert-space">{t("rules.pickSpace")}</Label>
          <select id="alert-space" value={space} onChange={(e) => setSpace(e.target.value)} className={filterSelectClass}>
            {spaces.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div className="overflow-x-auto rounded-md border">
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>{t("rules.kind")}</TableHead>
              <TableHead>{t("rules.everySpace")}</TableHead>
              {spaces.length ? <TableHead>{spaces.find((s) => s.id === space)?.name ?? t("rules.forSpace")}</TableHead> : null}
            </TableRow>
          </TableHeader>
          <TableBody>
            {ALERT_KINDS.map((kind) => {
              const own = spaceSetting(kind);
              return (
                <TableRow key={kind} data-testid={`alert-rule-${kind}`}>
                  <TableCell>
                    <div className="font-medium">{t(`alert.${kind}`)}</div>
                    <div className="max-w-md text-xs text-muted-foreground">{t(`rules.help.${kind}`)}</div>
                  </TableCell>
                  <TableCell>
                    <Switch
                      checked={globalOn(kind)}
                      disabled={save.isPending}
                      aria-label={`${t(`alert.${kind}`)}: ${t("rules.everySpace")}`}
                      onCheckedChange={(on) => save.execute({ spaceId: null, kind, enabled: on })}
                    />
                  </TableCell>
                  {spaces.length ? (
                    <TableCell>
                      <select
                        aria-label={`${t(`alert.${kind}`)}: ${spaces.find((s) => s.id === space)?.name ?? ""}`}
                        value={own === undefined ? "inherit" : own ? "on" : "off"}
                        disabled={save.isPending}
                        onChange={(e) => save.execute({ spaceId: space, kind, enabled: e.target.value === "inherit" ? null : e.target.value === "on" })}
                        className={filterSelectClass}
                      >
                        <option value="inherit">{t("rules.inherit")}</option>
                        <option value="on">{t("rules.on")}</option>
                        <option value="off">{t("rules.off")}</option>
                      </select>
                    </TableCell>
                  ) : null}
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </div>
    </TitledSection>
  );
}
