"use client";

import { useTranslations } from "next-intl";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { formatPhoneNumber } from "@/lib/phone";
import type { NumberLoad } from "./queries";

const ALL = "__all";

/** Per-number filter; values are "spaceId:phone" so the same number in two spaces stays two entries. */
export function NumberFilter({ loads, value, onChange, showSpace }: { loads: NumberLoad[]; value: string; onChange: (v: string) => void; showSpace: boolean }) {
  const t = useTranslations("qrCodes.list");
  const options = loads.filter((l) => !l.query.data?.notVerified);
  return (
    <Select value={value || ALL} onValueChange={(v) => onChange(v === ALL ? "" : v)}>
      <SelectTrigger className="w-full sm:w-72" aria-label={t("numberFilter")} data-testid="qr-number-filter">
        <SelectValue />
      </SelectTrigger>
      <SelectContent>
        <SelectItem value={ALL}>{t("allNumbers")}</SelectItem>
        {options.map(({ number: n, query }) => (
          <SelectItem
            key={`${n.spaceId}:${n.phoneNumber}`}
            value={`${n.spaceId}:${n.phoneNumber}`}
            data-testid={`qr-number-option-${n.spaceId}:${n.phoneNumber}`}
          >
            <span className="tabular-nums">{formatPhoneNumber(n.phoneNumber)}</span>
            <span className="text-muted-foreground">
              {showSpace && n.spaceName ? `${n.spaceName} · ` : ""}
              {query.data ? t("codeCount", { count: query.data.codes.length }) : "…"}
            </span>
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );
}
