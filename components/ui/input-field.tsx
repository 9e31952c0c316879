"use client";

import type { Control, FieldPath, FieldValues } from "react-hook-form";
import { FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { Alert, AlertDescription } from "@/components/ui/alert";

/**
 * A text form field: label, input (any input attributes), its help lines, its field-level message
 * and, last, `children` (notes that do not block saving, such as a URL's warnings).
 */
export function InputField<T extends FieldValues>({
  control,
  name,
  label,
  description,
  children,
  ...input
}: {
  control: Control<T>;
  name: FieldPath<T>;
  label: React.ReactNode;
  /** Help under the input, one paragraph each (empty ones are left out). */
  description?: React.ReactNode[];
  children?: React.ReactNode;
} & Omit<React.ComponentProps<typeof Input>, "name" | "value" | "onChange" | "onBlur" | "ref" | "children">) {
  return (
    <FormField
      control={control}
      name={name}
      render={({ field }) => (
        <FormItem>
          <FormLabel>{label}</FormLabel>
          <FormControl>
            <Input {...input} {...field} value={field.value ?? ""} />
          </FormControl>
          {description?.filter(Boolean).map((d, i) => <FormDescription key={i}>{d}</FormDescription>)}
          <FormMessage />
          {children}
        </FormItem>
      )}
    />
  );
}

/** The alert above a form for an error that belongs to no field. */
export function FormAlert({ children, testId }: { children: React.ReactNode; testId?: string }) {
  return children ? (
    <Alert variant="destructive" role="alert" data-testid={testId}>
      <AlertDescription>{children}</AlertDescription>
    </Alert>
  ) : null;
}
