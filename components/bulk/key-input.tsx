"use client";

import { FileUp } from "lucide-react";
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { useWatch, type UseFormReturn } from "react-hook-form";
import { KeyPreview } from "@/components/encryption-key/key-preview";
import { PemTextarea, usePemFilePicker } from "@/components/encryption-key/pem-input";
import { Button } from "@/components/ui/button";
import { FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { checkEncryptionPublicKey } from "@/lib/pem";
import type { CreateBulkJobInput } from "@/lib/schemas/bulk";

/**
 * The public key, pasted or loaded from a file, checked live by the shared validator (lib/pem.ts):
 * a private key is refused on the spot, and a private key file never even reaches the box.
 */
export function KeyInput({ form }: { form: UseFormReturn<CreateBulkJobInput> }) {
  const t = useTranslations("bulk.key");
  const text = useWatch({ control: form.control, name: "publicKey" });
  const check = useMemo(() => (text ? checkEncryptionPublicKey(text) : null), [text]);
  const picker = usePemFilePicker((r) => {
    if (!r.ok) return form.setError("publicKey", { message: r.message });
    form.setValue("origin", "file");
    form.setValue("publicKey", r.content, { shouldDirty: true, shouldValidate: true });
  }, "bulk-pem-file");

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
                onChange={(e) => {
                  form.setValue("origin", "pasted");
                  field.onChange(e);
                }}
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
