import { useLocale } from "next-intl";
import { countryName, formatPhoneNumber, splitPhoneNumber } from "@/lib/phone";
import { cn } from "@/lib/utils";

/** "+65 8123 4567" with the country under it ("Singapore"); digits stay in a tabular font. */
export function PhoneNumberText({ phone, className, inline }: { phone: string; className?: string; inline?: boolean }) {
  const locale = useLocale();
  const { iso } = splitPhoneNumber(phone);
  const country = countryName(iso, locale);
  if (inline) {
    return (
      <span className={cn("tabular-nums", className)}>
        {formatPhoneNumber(phone)}
        {country ? <span className="ml-2 text-base font-normal text-muted-foreground">{country}</span> : null}
      </span>
    );
  }
  return (
    <span className={cn("flex flex-col", className)}>
      <span className="font-medium tabular-nums">{formatPhoneNumber(phone)}</span>
      {country ? <span className="text-xs text-muted-foreground">{country}</span> : null}
    </span>
  );
}
