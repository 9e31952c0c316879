"use client";

import { FileUp } from "lucide-react";
import { useTranslations } from "next-intl";
import { useMemo, useRef } from "react";
import { useWatch, type UseFormReturn } from "react-hook-form";
import { KeyPreview } from "@/components/encryption-key/key-preview";
import { Button } from "@/components/ui/button";
import { FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Textarea } from "@/components/ui/textarea";
import { checkEncryptionPublicKey, containsPrivateKey } from "@/lib/pem";
import type { CreateBulkJobInput } from "@/lib/schemas/bulk";
import { KEY_ISSUE_MESSAGE } from "@/lib/schemas/encryption-keys";

/** Files larger than this are not read: a PEM public key is under 1 KB. */
const MAX_FILE_BYTES = 64 * 1024;

/**
 * The public key, pasted or loaded from a file, checked live by the shared validator (lib/pem.ts):
 * a private key is refused on the spot, and a private key file never even reaches the box.
 */
export function KeyInput({ form }: { form: UseFormReturn<CreateBulkJobInput> }) {
  const t = useTranslations("bulk.key");
  const fileInput = useRef<HTMLInputElement>(null);
  const text = useWatch({ control: form.control, name: "publicKey" });
  const check = useMemo(() => (text ? checkEncryptionPublicKey(text) : null), [text]);

  async function load(file: File | undefined) {
    if (fileInput.current) fileInput.current.value = "";
    if (!file) return;
    const content = file.size > MAX_FILE_BYTES ? null : await file.text().catch(() => null);
    if (content === null) return form.setError("publicKey", { message: file.size > MAX_FILE_BYTES ? KEY_ISSUE_MESSAGE.tooLong : "bulk.key.unreadable" });
    if (containsPrivateKey(content)) return form.setError("publicKey", { message: KEY_ISSUE_MESSAGE.privateKey });
    form.setValue("origin", "file");
    form.setValue("publicKey", content, { shouldDirty: true, shouldValidate: true });
  }

  return (
    <div className="space-y-3">
      <FormField
        control={form.control}
        name="publicKey"
        render={({ field }) => (
          <FormItem>
            <FormLabel>{t("label")}</FormLabel>
            <FormControl>
              <Textarea
                {...field}
                onChange={(e) => {
                  form.setValue("origin", "pasted");
                  field.onChange(e);
                }}
                rows={9}
                placeholder={"-----BEGIN PUBLIC KEY-----\n…\n-----END PUBLIC KEY-----"}
                className="font-mono text-xs"
                spellCheck={false}
                autoComplete="off"
                autoCorrect="off"
                autoCapitalize="off"
                data-gramm="false"
              />
            </FormControl>
            <FormDescription>{t("hint")}</FormDescription>
            <FormMessage />
          </FormItem>
        )}
      />
      <input
        ref={fileInput}
        type="file"
        accept=".pem,.pub,.key,.txt,application/x-pem-file,text/plain"
        className="sr-only"
        tabIndex={-1}
        aria-hidden="true"
        data-testid="bulk-pem-file"
        onChange={(e) => void load(e.target.files?.[0])}
      />
      <Button type="button" variant="outline" onClick={() => fileInput.current?.click()}>
        <FileUp aria-hidden="true" />
        {t("file")}
      </Button>
      {check ? <KeyPreview check={check} currentFingerprint={null} /> : null}
      <p className="text-xs text-muted-foreground">{t("generateNote")}</p>
    </div>
  );
}
