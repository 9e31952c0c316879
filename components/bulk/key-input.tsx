"use client";

import { FileUp } from "lucide-react";
import { useTranslations } from "next-intl";
import type { UseFormReturn } from "react-hook-form";
import { KeyPreview } from "@/components/encryption-key/key-preview";
import { PublicKeyField, usePublicKeyField } from "@/components/encryption-key/pem-input";
import { Button } from "@/components/ui/button";
import type { CreateBulkJobInput } from "@/lib/schemas/bulk";

/**
 * The public key, pasted, dropped or loaded from a file, checked live by the shared validator (lib/pem.ts):
 * a private key is refused on the spot, and a private key file never even reaches the box.
 */
export function KeyInput({ form }: { form: UseFormReturn<CreateBulkJobInput> }) {
  const t = useTranslations("bulk.key");
  const keyField = usePublicKeyField(form, "bulk-pem-file");
  const { check, picker } = keyField;

  return (
    <div className="space-y-3">
      <PublicKeyField form={form} keyField={keyField} label={t("label")} hint={t("hint")} rows={9} />
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
