"use client";

import { useTranslations } from "next-intl";
import type { Control } from "react-hook-form";
import { FormControl, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { formatPhoneNumber } from "@/lib/phone";
import type { QrFieldValues } from "./qr-code-fields";

/** A number a code can be created for, with how many it has (a full one cannot take another). */
export interface NumberChoice {
  phoneNumber: string;
  verifiedName: string | null;
  count: number;
  full: boolean;
}

export function NumberField<T extends QrFieldValues>({ control, numbers }: { control: Control<T>; numbers: NumberChoice[] }) {
  const t = useTranslations("qrCodes.form");
  return (
    <FormField
      control={control as unknown as Control<QrFieldValues>}
      name="phoneNumber"
      render={({ field }) => (
        <FormItem>
          <FormLabel>{t("number")}</FormLabel>
          <Select value={field.value} onValueChange={field.onChange}>
            <FormControl>
              <SelectTrigger className="w-full">
                <SelectValue placeholder={t("numberPlaceholder")} />
              </SelectTrigger>
            </FormControl>
            <SelectContent>
              {numbers.map((n) => (
                <SelectItem key={n.phoneNumber} value={n.phoneNumber} disabled={n.full}>
                  <span className="tabular-nums">{formatPhoneNumber(n.phoneNumber)}</span>
                  {n.verifiedName ? <span className="text-muted-foreground">{n.verifiedName}</span> : null}
                  {n.full ? <span className="text-destructive">{t("numberFull")}</span> : null}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
          <FormMessage />
        </FormItem>
      )}
    />
  );
}
