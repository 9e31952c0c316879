"use client";

import { useRef, type ComponentProps } from "react";
import { Textarea } from "@/components/ui/textarea";
import { containsPrivateKey } from "@/lib/pem";
import { KEY_ISSUE_MESSAGE } from "@/lib/schemas/encryption-keys";

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
