"use client";

import { X } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEnumLabel } from "@/components/phone-numbers/enum-badge";
import { STATUS_FILTERS } from "@/components/phone-numbers/enum-values";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Label } from "@/components/ui/label";
import type { BulkSpaceNumbers } from "@/lib/schemas/bulk";
import { readErrorOf } from "@/components/read-error";
import { offered, type Selection } from "./selection";
import { SpaceNumbers } from "./space-numbers";
import { nativeSelectClass } from "@/components/ui/native-select";

export interface SpaceOption {
  id: string;
  name: string;
  custSpaceId: string;
  accountId: string | null;
}

export interface SpaceResult {
  spaceId: string;
  data: BulkSpaceNumbers | undefined;
  loading: boolean;
  error: unknown;
  refetch: () => void;
}

const SELECT = nativeSelectClass;

/** Step 1: the spaces (only those the user may change), an optional Status filter, then the numbers. */
export function StepNumbers({
  spaces,
  sel,
  onChange,
  results,
}: {
  spaces: SpaceOption[];
  sel: Selection;
  onChange: (s: Selection) => void;
  results: SpaceResult[];
}) {
  const t = useTranslations("bulk.pick");
  const label = useEnumLabel();
  const chosen = new Set(sel.spaceIds);
  const toggle = (id: string, on: boolean) =>
    onChange({ ...sel, spaceIds: on ? spaces.filter((s) => chosen.has(s.id) || s.id === id).map((s) => s.id) : sel.spaceIds.filter((x) => x !== id) });
  return (
    <div className="space-y-6">
      {sel.only ? (
        <Alert>
          <AlertDescription className="flex flex-wrap items-center justify-between gap-2">
            <span>{t("preselected", { n: Object.values(sel.only).reduce((a, l) => a + l.length, 0) })}</span>
            <Button type="button" variant="ghost" size="sm" onClick={() => onChange({ ...sel, only: null })}>
              <X aria-hidden="true" />
              {t("clearPreselection")}
            </Button>
          </AlertDescription>
        </Alert>
      ) : null}
      <div className="flex flex-wrap items-start gap-8">
        <fieldset className="min-w-64 flex-1 space-y-2">
          <legend className="mb-2 text-sm font-medium">{t("spaces")}</legend>
          <div className="flex items-center gap-2 border-b pb-2">
            <Checkbox
              id="pick-all-spaces"
              checked={chosen.size === spaces.length ? true : chosen.size ? "indeterminate" : false}
              onCheckedChange={(v) => onChange({ ...sel, spaceIds: v === true ? spaces.map((s) => s.id) : [] })}
            />
            <Label htmlFor="pick-all-spaces">{t("allSpaces", { n: spaces.length })}</Label>
          </div>
          {spaces.map((s) => (
            <div key={s.id} className="flex items-center gap-2">
              <Checkbox id={`pick-space-${s.id}`} checked={chosen.has(s.id)} onCheckedChange={(v) => toggle(s.id, v === true)} />
              <Label htmlFor={`pick-space-${s.id}`} className="font-normal">
                {s.name} <span className="font-mono text-xs text-muted-foreground">{s.custSpaceId}</span>
              </Label>
            </div>
          ))}
        </fieldset>
        <div className="grid gap-1.5">
          <Label htmlFor="pick-status">{t("status")}</Label>
          <select
            id="pick-status"
            className={SELECT}
            value={sel.status ?? ""}
            disabled={!!sel.only}
            onChange={(e) => onChange({ ...sel, status: e.target.value || null, off: {} })}
          >
            <option value="">{t("anyStatus")}</option>
            {STATUS_FILTERS.map((s) => (
              <option key={s} value={s}>
                {label("status", s)}
              </option>
            ))}
          </select>
          <p className="max-w-56 text-xs text-muted-foreground">{sel.only ? t("statusDisabled") : t("statusHelp")}</p>
        </div>
      </div>
      {sel.spaceIds.length === 0 ? <p className="text-sm text-muted-foreground">{t("pickSpaces")}</p> : null}
      <div className="space-y-3">
        {results.map((r) => {
          const space = spaces.find((s) => s.id === r.spaceId);
          return (
            <SpaceNumbers
              key={r.spaceId}
              name={space?.name ?? r.spaceId}
              numbers={r.data ? offered(sel, r.data) : []}
              off={sel.off[r.spaceId] ?? []}
              loading={r.loading}
              error={r.error ? readErrorOf(r.error)! : r.data && !r.data.ok ? r.data.error : null}
              onRetry={r.refetch}
              onChange={(off) => onChange({ ...sel, off: { ...sel.off, [r.spaceId]: off } })}
            />
          );
        })}
      </div>
    </div>
  );
}
