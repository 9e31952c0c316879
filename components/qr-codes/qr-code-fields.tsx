"use client";

import { useTranslations } from "next-intl";
import { useWatch, type Control } from "react-hook-form";
import { FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Textarea } from "@/components/ui/textarea";
import { PREFILLED_MAX, QR_IMAGE_TYPES } from "@/lib/schemas/qr-codes";
import { charCount, composedExtra } from "@/lib/text-length";
import { cn } from "@/lib/utils";
import { ChatPreview } from "./chat-preview";

export interface QrFieldValues {
  spaceId: string;
  phoneNumber: string;
  prefilledMessage: string;
  generateQrImage: "PNG" | "SVG";
  qrdlCode?: string;
}

/** "12 / 140", counted the way the schema and CAMS count (code points of the trimmed text). */
function Counter({ value }: { value: string }) {
  const t = useTranslations("qrCodes.form");
  const text = value.trim();
  const n = charCount(text);
  const extra = composedExtra(text);
  const over = n > PREFILLED_MAX;
  return (
    <div className="flex flex-wrap items-center justify-between gap-x-3 text-xs">
      <span className={cn("text-muted-foreground", extra > 0 && "text-warning")}>{extra > 0 ? t("composedEmoji", { extra }) : null}</span>
      <span className={cn("tabular-nums", over ? "font-medium text-destructive" : "text-muted-foreground")} data-testid="message-counter">
        {t("counter", { count: n, max: PREFILLED_MAX })}
      </span>
      {/* Announced only at the limit, not on every keystroke. */}
      <span className="sr-only" aria-live="polite">
        {over ? t("overBy", { count: n - PREFILLED_MAX }) : n === PREFILLED_MAX ? t("atLimit") : ""}
      </span>
    </div>
  );
}

export function QrCodeFields<T extends QrFieldValues>({ control, businessName, phone }: { control: Control<T>; businessName: string | null; phone: string }) {
  const t = useTranslations("qrCodes.form");
  const c = control as unknown as Control<QrFieldValues>;
  const message = useWatch({ control: c, name: "prefilledMessage" }) ?? "";
  return (
    <div className="grid gap-6 md:grid-cols-[1fr_auto]">
      <div className="space-y-5">
        <FormField
          control={c}
          name="prefilledMessage"
          render={({ field }) => (
            <FormItem>
              <FormLabel>{t("message")}</FormLabel>
              <FormControl>
                <Textarea rows={4} className="min-h-28" placeholder={t("messagePlaceholder")} {...field} />
              </FormControl>
              <Counter value={field.value ?? ""} />
              <FormDescription>{t("messageHint", { max: PREFILLED_MAX })}</FormDescription>
              <FormMessage />
            </FormItem>
          )}
        />
        <FormField
          control={c}
          name="generateQrImage"
          render={({ field }) => (
            <FormItem>
              <fieldset className="space-y-2">
                <legend className="text-sm font-medium">{t("imageType")}</legend>
                <div className="flex gap-3">
                  {QR_IMAGE_TYPES.map((type) => (
                    <label
                      key={type}
                      className="flex cursor-pointer items-center gap-2 rounded-md border px-3 py-2 text-sm has-[:checked]:border-primary has-[:checked]:bg-primary/5 has-[:focus-visible]:ring-[3px] has-[:focus-visible]:ring-ring/50"
                    >
                      <input
                        type="radio"
                        name={field.name}
                        value={type}
                        checked={field.value === type}
                        onChange={() => field.onChange(type)}
                        onBlur={field.onBlur}
                        className="accent-primary"
                      />
                      {type}
                    </label>
                  ))}
                </div>
                <p className="text-sm text-muted-foreground">{t("imageTypeHint")}</p>
              </fieldset>
              <FormMessage />
            </FormItem>
          )}
        />
      </div>
      <div className="space-y-2">
        <p className="text-sm font-medium">
          {t("previewTitle")}
        </p>
        <ChatPreview businessName={businessName} phone={phone} message={message} />
      </div>
    </div>
  );
}
