"use client";

import { useTranslations } from "next-intl";
import type { Control } from "react-hook-form";
import { FormControl, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { charCount, PROFILE_LIMITS, VERTICALS, type UpdateProfileInput } from "@/lib/schemas/profile";
import { cn } from "@/lib/utils";

/** "12 / 139", counted as the schema and WhatsApp count (code points of the trimmed text). */
export function Counter({ value, max, id }: { value: string; max: number; id: string }) {
  const t = useTranslations("profile.form");
  const n = charCount(value.trim());
  const over = n > max;
  return (
    <div className="flex justify-end text-xs">
      <span id={id} className={cn("tabular-nums", over ? "font-medium text-destructive" : "text-muted-foreground")} data-testid={`counter-${id}`}>
        {t("counter", { count: n, max })}
      </span>
      <span className="sr-only" aria-live="polite">
        {over ? t("overBy", { count: n - max }) : ""}
      </span>
    </div>
  );
}

type TextName = "about" | "address" | "description" | "email";

/** A text field with its live counter. */
export function CountedField({ control, name, multiline, readOnly }: { control: Control<UpdateProfileInput>; name: TextName; multiline?: boolean; readOnly: boolean }) {
  const t = useTranslations("profile.form");
  const max = PROFILE_LIMITS[name];
  return (
    <FormField
      control={control}
      name={name}
      render={({ field }) => (
        <FormItem>
          <FormLabel>{t(`fields.${name}`)}</FormLabel>
          <FormControl>
            {multiline ? (
              <Textarea rows={name === "description" ? 5 : 3} readOnly={readOnly} aria-describedby={`${name}-count`} {...field} />
            ) : (
              <Input type={name === "email" ? "email" : "text"} readOnly={readOnly} aria-describedby={`${name}-count`} {...field} />
            )}
          </FormControl>
          <Counter value={field.value ?? ""} max={max} id={`${name}-count`} />
          <FormMessage />
        </FormItem>
      )}
    />
  );
}

/** The vertical as a select of translated names; a value CAMS sent that maps to no code is kept as an option of its own. */
export function VerticalField({ control, current, readOnly }: { control: Control<UpdateProfileInput>; current: string; readOnly: boolean }) {
  const t = useTranslations("profile");
  const unknown = current && !(VERTICALS as readonly string[]).includes(current) ? current : null;
  return (
    <FormField
      control={control}
      name="vertical"
      render={({ field }) => (
        <FormItem>
          <FormLabel>{t("form.fields.vertical")}</FormLabel>
          <Select value={field.value || undefined} onValueChange={field.onChange} disabled={readOnly}>
            <FormControl>
              <SelectTrigger className="w-full sm:w-80" data-testid="vertical-select">
                <SelectValue placeholder={t("form.verticalNone")} />
              </SelectTrigger>
            </FormControl>
            <SelectContent>
              {unknown ? <SelectItem value={unknown}>{unknown}</SelectItem> : null}
              {VERTICALS.map((v) => (
                <SelectItem key={v} value={v}>
                  {t(`vertical.${v}`)}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
          <p className="text-xs text-muted-foreground">{current ? t("form.verticalLocked") : t("form.verticalHint")}</p>
          <FormMessage />
        </FormItem>
      )}
    />
  );
}

/** Two website slots, each with its counter; an empty slot is no website. */
export function WebsiteFields({ control, readOnly }: { control: Control<UpdateProfileInput>; readOnly: boolean }) {
  const t = useTranslations("profile.form");
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-medium">{t("fields.websites")}</legend>
      <p className="text-xs text-muted-foreground">{t("websitesHint", { max: PROFILE_LIMITS.websites })}</p>
      {Array.from({ length: PROFILE_LIMITS.websites }, (_, i) => (
        <FormField
          key={i}
          control={control}
          name={`websites.${i}`}
          render={({ field }) => (
            <FormItem>
              <FormLabel className="text-xs text-muted-foreground">{t("websiteSlot", { n: i + 1 })}</FormLabel>
              <FormControl>
                <Input type="url" inputMode="url" placeholder="https://" readOnly={readOnly} aria-describedby={`website-${i}-count`} {...field} value={field.value ?? ""} />
              </FormControl>
              <Counter value={field.value ?? ""} max={PROFILE_LIMITS.website} id={`website-${i}-count`} />
              <FormMessage />
            </FormItem>
          )}
        />
      ))}
    </fieldset>
  );
}
