"use client";

import { ArrowDown } from "lucide-react";
import { useTranslations } from "next-intl";
import { Fingerprint } from "./key-details";

/** Old and new SHA-256 fingerprints, one above the other, so a change is compared before it is made. */
export function FingerprintChange({ oldFingerprint, newFingerprint }: { oldFingerprint: string | null; newFingerprint: string }) {
  const t = useTranslations("encryptionKeys.update");
  const same = oldFingerprint === newFingerprint;
  return (
    <div className="space-y-2 rounded-md border bg-muted/40 p-3 text-sm" data-testid="fingerprint-change">
      <div>
        <div className="text-xs font-medium text-muted-foreground">{t("oldFingerprint")}</div>
        {oldFingerprint ? <Fingerprint value={oldFingerprint} /> : <span className="text-muted-foreground">{t("noCurrent")}</span>}
      </div>
      <ArrowDown aria-hidden="true" className="size-4 text-muted-foreground" />
      <div>
        <div className="text-xs font-medium text-muted-foreground">{t("newFingerprint")}</div>
        <Fingerprint value={newFingerprint} />
      </div>
      {same ? <p className="text-muted-foreground">{t("sameKey")}</p> : null}
    </div>
  );
}
