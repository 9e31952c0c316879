"use client";

import { useMemo, useRef, type ChangeEvent, type ComponentProps } from "react";
import { useWatch, type UseFormReturn } from "react-hook-form";
import { FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Textarea } from "@/components/ui/textarea";
import { useFileDrop } from "@/components/use-file-drop";
import { cn } from "@/lib/utils";
import { checkEncryptionPublicKey, containsPrivateKey } from "@/lib/pem";
import { KEY_ISSUE_MESSAGE, type KeyOrigin } from "@/lib/schemas/encryption-keys";

/** Files larger than this are not read at all: a PEM public key is under 1 KB. */
const MAX_FILE_BYTES = 64 * 1024;

/** Message keys for what can go wrong with a chosen file (translation keys, as in lib/schemas). */
export const PEM_FILE_MESSAGE = {
  tooLong: KEY_ISSUE_MESSAGE.tooLong,
  unreadable: "encryptionKeys.update.fileUnreadable",
  privateKey: "encryptionKeys.update.filePrivateKey",
} as const;

export type PemFileResult = { ok: true; content: string } | { ok: false; message: string };

/** Reads a chosen or dropped file; a private key file is refused here, so it never reaches the box. */
export async function readPemFile(file: File): Promise<PemFileResult> {
  if (file.size > MAX_FILE_BYTES) return { ok: false, message: PEM_FILE_MESSAGE.tooLong };
  const content = await file.text().catch(() => null);
  if (content === null) return { ok: false, message: PEM_FILE_MESSAGE.unreadable };
  if (containsPrivateKey(content)) return { ok: false, message: PEM_FILE_MESSAGE.privateKey };
  return { ok: true, content };
}

/** The PEM box: monospace, and no spell-check or writing add-on that might send its text elsewhere. */
export function PemTextarea({ className, ...props }: ComponentProps<typeof Textarea>) {
  return (
    <Textarea
      placeholder={"-----BEGIN PUBLIC KEY-----\n…\n-----END PUBLIC KEY-----"}
      className={className}
      spellCheck={false}
      autoComplete="off"
      autoCorrect="off"
      autoCapitalize="off"
      data-gramm="false"
      {...props}
    />
  );
}

/**
 * A hidden file input and a way to open it: `input` goes anywhere in the form, `open` on a button.
 * `onResult` gets the file's text, or the message to show on the field.
 */
export function usePemFilePicker(onResult: (r: PemFileResult) => void, testId: string) {
  const ref = useRef<HTMLInputElement>(null);
  const load = async (file: File | undefined) => {
    if (ref.current) ref.current.value = "";
    if (file) onResult(await readPemFile(file));
  };
  const input = (
    <input
      ref={ref}
      type="file"
      accept=".pem,.pub,.key,.txt,application/x-pem-file,text/plain"
      className="sr-only"
      tabIndex={-1}
      aria-hidden="true"
      data-testid={testId}
      onChange={(e) => void load(e.target.files?.[0])}
    />
  );
  return { input, open: () => ref.current?.click(), load };
}

/**
 * The public key of a form with `publicKey` and `origin` fields, checked live by the shared
 * validator (lib/pem.ts): `text` and its `check`, the file `picker` (a loaded file sets origin
 * "file", a refused one the field's error), and `pasted` to wrap the box's onChange (typing or
 * pasting sets origin "pasted").
 */
export function usePublicKeyField<T extends { publicKey: string; origin: KeyOrigin }>(form: UseFormReturn<T>, testId: string) {
  // Only these two fields are touched, and T has them: react-hook-form cannot see that through the generic.
  const keyForm = form as unknown as UseFormReturn<{ publicKey: string; origin: KeyOrigin }>;
  const text = useWatch({ control: keyForm.control, name: "publicKey" });
  const check = useMemo(() => (text ? checkEncryptionPublicKey(text) : null), [text]);
  const picker = usePemFilePicker((r) => {
    if (!r.ok) return keyForm.setError("publicKey", { message: r.message });
    keyForm.setValue("origin", "file");
    keyForm.setValue("publicKey", r.content, { shouldDirty: true, shouldValidate: true });
  }, testId);
  const pasted = (onChange: (e: ChangeEvent<HTMLTextAreaElement>) => void) => (e: ChangeEvent<HTMLTextAreaElement>) => {
    keyForm.setValue("origin", "pasted");
    onChange(e);
  };
  return { text, check, picker, pasted };
}

/**
 * The key box of such a form, with its label, help and field message: typed, pasted, or a file
 * dropped on it (read by the picker, so a private key file never reaches the box). `keyField` is
 * what usePublicKeyField returned for the same form.
 */
export function PublicKeyField<T extends { publicKey: string; origin: KeyOrigin }>({
  form,
  keyField,
  label,
  hint,
  rows,
}: {
  form: UseFormReturn<T>;
  keyField: Pick<ReturnType<typeof usePublicKeyField>, "picker" | "pasted">;
  label: string;
  hint: string;
  rows: number;
}) {
  const keyForm = form as unknown as UseFormReturn<{ publicKey: string; origin: KeyOrigin }>;
  const drop = useFileDrop(keyField.picker.load);
  return (
    <FormField
      control={keyForm.control}
      name="publicKey"
      render={({ field }) => (
        <FormItem>
          <FormLabel>{label}</FormLabel>
          <div className={cn("relative rounded-md", drop.over && "ring-2 ring-ring ring-offset-2")} {...drop.dropProps}>
            <FormControl>
              <PemTextarea {...field} onChange={keyField.pasted(field.onChange)} rows={rows} className="min-h-40 font-mono text-xs" />
            </FormControl>
          </div>
          <FormDescription>{hint}</FormDescription>
          <FormMessage />
        </FormItem>
      )}
    />
  );
}
