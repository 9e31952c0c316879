"use client";

import { CircleAlert, CircleCheck, CircleDashed, CircleHelp, KeyRound, ShieldOff } from "lucide-react";
import Link from "@/components/ui/link";
import { useTranslations } from "next-intl";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import type { KeyState } from "@/lib/schemas/encryption-keys";

/**
 * One word for a key's state. CAMS documents VALID and MISMATCH (API.md §8); any other status is
 * shown exactly as CAMS sent it (API.md §10), never hidden or treated as an error.
 */
export type KeyStatusKind = "VALID" | "MISMATCH" | "none" | "notVerified" | "unknown";

export function statusKind(result: KeyState): KeyStatusKind {
  if (result.state !== "key") return result.state;
  const s = result.status?.toUpperCase();
  return s === "VALID" || s === "MISMATCH" ? s : "unknown";
}

const LOOK = {
  VALID: { variant: "success", Icon: CircleCheck },
  MISMATCH: { variant: "destructive", Icon: CircleAlert },
  none: { variant: "muted", Icon: KeyRound },
  notVerified: { variant: "outline", Icon: ShieldOff },
  unknown: { variant: "warning", Icon: CircleHelp },
} as const;

export function KeyStatusBadge({ result }: { result: KeyState }) {
  const t = useTranslations("encryptionKeys.status");
  const kind = statusKind(result);
  const { variant, Icon } = LOOK[kind];
  const label = kind === "unknown" ? (result.state === "key" ? (result.status ?? "—") : "—") : t(kind);
  return (
    <Badge variant={variant} data-key-status={kind}>
      <Icon aria-hidden="true" />
      {label}
    </Badge>
  );
}

export function CheckingBadge() {
  const t = useTranslations("encryptionKeys.status");
  return (
    <Badge variant="muted" data-key-status="loading">
      <CircleDashed aria-hidden="true" className="animate-spin [animation-duration:3s]" />
      {t("loading")}
    </Badge>
  );
}

/** What the state means and what to do about it; MISMATCH gets the one fix that works (upload again). */
export function KeyStatusHelp({ result, overviewHref }: { result: KeyState; overviewHref?: string }) {
  const t = useTranslations("encryptionKeys.help");
  const kind = statusKind(result);
  const status = result.state === "key" ? (result.status ?? "") : "";
  const { Icon } = LOOK[kind];
  return (
    <Alert variant={kind === "MISMATCH" ? "destructive" : kind === "unknown" ? "warning" : "default"} role="status" data-testid="key-status-help">
      <Icon aria-hidden="true" />
      <AlertTitle className="line-clamp-none">{t(`${kind}.title`, { status })}</AlertTitle>
      <AlertDescription>
        <p>{t(`${kind}.body`)}</p>
        <p className="font-medium">
          {kind === "notVerified" && overviewHref ? (
            <Link href={overviewHref} className="underline underline-offset-4">
              {t("notVerified.action")}
            </Link>
          ) : (
            t(`${kind}.action`)
          )}
        </p>
      </AlertDescription>
    </Alert>
  );
}
