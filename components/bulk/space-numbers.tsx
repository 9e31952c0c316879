"use client";

import { ChevronDown } from "lucide-react";
import { useTranslations } from "next-intl";
import { EnumBadge } from "@/components/phone-numbers/enum-badge";
import { PhoneNumberText } from "@/components/phone-numbers/phone-number-text";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Skeleton } from "@/components/ui/skeleton";
import type { ActionServerError } from "@/lib/action-error";
import type { BulkNumber } from "@/lib/schemas/bulk";
import { ReadErrorPanel } from "@/components/read-error";

/**
 * One chosen space in step 1: how many of its numbers the job will change, all ticked by default;
 * the list opens to untick some.
 */
export function SpaceNumbers({
  name,
  numbers,
  off,
  loading,
  error,
  onRetry,
  onChange,
}: {
  name: string;
  numbers: BulkNumber[];
  off: string[];
  loading: boolean;
  error: ActionServerError | null;
  onRetry: () => void;
  onChange: (off: string[]) => void;
}) {
  const t = useTranslations("bulk.pick");
  const offSet = new Set(off);
  const chosen = numbers.filter((n) => !offSet.has(n.phoneNumber)).length;
  return (
    <section className="rounded-lg border" data-testid={`space-numbers-${name}`}>
      <div className="flex flex-wrap items-center justify-between gap-2 p-3">
        <div>
          <h3 className="font-medium">{name}</h3>
          {loading ? (
            <Skeleton className="mt-1 h-4 w-40" />
          ) : error ? null : (
            <p className="text-sm text-muted-foreground" data-testid="space-count">
              {t("chosenOf", { chosen, total: numbers.length })}
            </p>
          )}
        </div>
        {!loading && !error && numbers.length > 0 ? (
          <div className="flex gap-1">
            <Button type="button" variant="ghost" size="sm" onClick={() => onChange([])} disabled={chosen === numbers.length}>
              {t("all")}
            </Button>
            <Button type="button" variant="ghost" size="sm" onClick={() => onChange(numbers.map((n) => n.phoneNumber))} disabled={chosen === 0}>
              {t("none")}
            </Button>
          </div>
        ) : null}
      </div>
      {error ? (
        <div className="border-t p-3">
          <ReadErrorPanel error={error} onRetry={onRetry} />
        </div>
      ) : null}
      {!loading && !error && numbers.length === 0 ? <p className="border-t p-3 text-sm text-muted-foreground">{t("noneMatch")}</p> : null}
      {!loading && !error && numbers.length > 0 ? (
        <details className="group border-t">
          <summary className="flex cursor-pointer items-center gap-1 px-3 py-2 text-sm text-muted-foreground hover:text-foreground">
            <ChevronDown className="size-4 transition-transform group-open:rotate-180" aria-hidden="true" />
            {t("showNumbers")}
          </summary>
          <ul className="max-h-72 divide-y overflow-y-auto border-t">
            {numbers.map((n) => {
              const id = `pick-${name}-${n.phoneNumber}`.replace(/[^A-Za-z0-9-]/g, "-");
              return (
                <li key={n.phoneNumber} className="flex items-center gap-3 px-3 py-2">
                  <Checkbox
                    id={id}
                    checked={!offSet.has(n.phoneNumber)}
                    onCheckedChange={(v) => onChange(v === true ? off.filter((p) => p !== n.phoneNumber) : [...off, n.phoneNumber])}
                  />
                  <label htmlFor={id} className="flex flex-1 flex-wrap items-center gap-x-3 gap-y-1 text-sm">
                    <PhoneNumberText phone={n.phoneNumber} inline />
                    <span className="text-muted-foreground">{n.verifiedName}</span>
                  </label>
                  <EnumBadge kind="status" value={n.status} />
                </li>
              );
            })}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
