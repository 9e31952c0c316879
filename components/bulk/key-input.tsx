"use client";

import { FileUp } from "lucide-react";
import { useTranslations } from "next-intl";
import type { UseFormReturn } from "react-hook-form";
import { KeyPreview } from "@/components/encryption-key/key-preview";
import { PemTextarea, usePublicKeyField } from "@/components/encryption-key/pem-input";
import { Button } from "@/components/ui/button";
import { FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import type { CreateBulkJobInput } from "@/lib/schemas/bulk";

/**
 * The public key, pasted or loaded from a file, checked live by the shared validator (lib/pem.ts):
 * a private key is refused on the spot, and a private key file never even reaches the box.
 */
export function KeyInput({ form }: { form: UseFormReturn<CreateBulkJobInput> }) {
  const t = useTranslations("bulk.key");
  const { check, picker, pasted } = usePublicKeyField(form, "bulk-pem-file");

  return (
    <div className="space-y-3">
      <FormField
        control={form.control}
        name="publicKey"
        render={({ field }) => (
          <FormItem>
            <FormLabel>{t("label")}</FormLabel>
            <FormControl>
              <PemTextarea
                {...field}
                onChange={pasted(field.onChange)}
                rows={9}
                className="font-mono text-xs"
              />
            </FormControl>
            <FormDescription>{t("hint")}</FormDescription>
            <FormMessage />
          </FormItem>
        )}
      />
      {picker.input}
      <Button type="button" variant="outline" onClick={picker.open}>
        <FileUp aria-hidden="true" />
        {t("file")}
      </Button>
      {check ? <KeyPreview check={check} currentFingerprint={null} /> : null}
      <p className="text-xs text-muted-foreground">{t("generateNote")}</p>
    </div>
  );
}
