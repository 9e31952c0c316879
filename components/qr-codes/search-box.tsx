"use client";

import { Search } from "lucide-react";
import { useTranslations } from "next-intl";
import { Input } from "@/components/ui/input";

export function SearchBox({ value, onChange, className }: { value: string; onChange: (v: string) => void; className?: string }) {
  const t = useTranslations("qrCodes.list");
  return (
    <div className={className}>
      <label className="relative block">
        <span className="sr-only">{t("search")}</span>
        <Search aria-hidden="true" className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground" />
        <Input type="search" value={value} onChange={(e) => onChange(e.target.value)} placeholder={t("searchPlaceholder")} className="pl-8" maxLength={140} />
      </label>
    </div>
  );
}
