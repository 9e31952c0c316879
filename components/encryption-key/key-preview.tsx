"use client";

import { CircleCheck, Info } from "lucide-react";
import { useTranslations } from "next-intl";
import type { PemCheck } from "@/lib/pem";
import { Fingerprint } from "./key-details";

/**
 * What the browser read from the text, live: the key that would be sent (type, size, fingerprint),
 * or for a wrong key what it is, so "wrong size" says which size. Errors themselves are the field's.
 */
export function KeyPreview({ check, currentFingerprint }: { check: PemCheck; currentFingerprint: string | null }) {
  const t = useTranslations("encryptionKeys.update");
  if (check.ok) {
    return (
      <div className="flex gap-2 rounded-md border border-success/30 bg-success/10 p-3 text-sm" role="status" data-testid="key-preview">
        <CircleCheck aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-success" />
        <div className="min-w-0 space-y-1">
          <p className="font-medium text-success">{t("ready", { type: check.info.keyType, bits: check.info.bits ?? "?" })}</p>
          <Fingerprint value={check.fingerprint} />
          {check.fingerprint === currentFingerprint ? <p className="text-muted-foreground">{t("sameKey")}</p> : null}
        </div>
      </div>
    );
  }
  if (!check.info) return null;
  return (
    <p className="flex items-center gap-2 text-sm text-muted-foreground" role="status" data-testid="key-preview">
      <Info aria-hidden="true" className="size-4 shrink-0" />
      {check.info.bits
        ? t("detected", { type: check.info.keyType, bits: check.info.bits })
        : t("detectedType", { type: check.info.keyType })}
    </p>
  );
}
