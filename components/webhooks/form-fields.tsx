"use client";

import { TriangleAlert } from "lucide-react";
import { useTranslations } from "next-intl";
import { useWatch, type Control, type FieldValues, type Path } from "react-hook-form";
import { FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { InputField } from "@/components/ui/input-field";
import { Switch } from "@/components/ui/switch";
import { isPlainHttp, obviousPrivateRange } from "@/lib/url-safety";

interface FieldProps<T extends FieldValues> {
  control: Control<T>;
  name: Path<T>;
  label: string;
  help: string;
  readOnly?: boolean;
}

/** Warnings that do not block saving: plain http, and addresses CAMS could never reach. */
function UrlWarnings<T extends FieldValues>({ control, name }: { control: Control<T>; name: Path<T> }) {
  const t = useTranslations("webhooks");
  const value = String(useWatch({ control, name }) ?? "").trim();
  if (!value) return null;
  const range = obviousPrivateRange(value);
  const notes = [isPlainHttp(value) ? t("form.plainHttp") : null, range ? t("form.privateHint", { range: t(`ranges.${range}`) }) : null].filter(Boolean);
  if (notes.length === 0) return null;
  return (
    <div role="status" className="space-y-1" data-testid={`${name}-warning`}>
      {notes.map((n) => (
        <p key={n} className="flex items-start gap-1.5 text-sm text-warning">
          <TriangleAlert className="mt-0.5 size-4 shrink-0" aria-hidden="true" />
          {n}
        </p>
      ))}
    </div>
  );
}

export function UrlField<T extends FieldValues>({ control, name, label, help, readOnly }: FieldProps<T>) {
  return (
    <InputField
      control={control}
      name={name}
      label={label}
      description={[help]}
      type="text"
      inputMode="url"
      autoComplete="off"
      spellCheck={false}
      placeholder="https://"
      readOnly={readOnly}
      className="font-mono text-sm"
    >
      <UrlWarnings control={control} name={name} />
    </InputField>
  );
}

/** A Y/N CAMS flag as a switch, explained in plain words beside it. */
export function FlagField<T extends FieldValues>({ control, name, label, help, readOnly }: FieldProps<T>) {
  return (
    <FormField
      control={control}
      name={name}
      render={({ field }) => (
        <FormItem className="flex flex-row items-start justify-between gap-4 rounded-lg border p-3">
          <div className="space-y-1">
            <FormLabel>{label}</FormLabel>
            <FormDescription>{help}</FormDescription>
            <FormMessage />
          </div>
          <FormControl>
            <Switch
              checked={field.value === "Y"}
              onCheckedChange={(on) => field.onChange(on ? "Y" : "N")}
              onBlur={field.onBlur}
              ref={field.ref}
              disabled={readOnly}
            />
          </FormControl>
        </FormItem>
      )}
    />
  );
}
