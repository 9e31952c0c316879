"use client";

import { ExternalLink, Printer } from "lucide-react";
import Link from "@/components/ui/link";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { QR_IMAGE_TYPES } from "@/lib/schemas/qr-codes";
import { cn } from "@/lib/utils";

/** PNG/SVG as a badge; a value CAMS may add later is shown exactly as it came (API.md §10). */
export function ImageTypeBadge({ value }: { value: string | null }) {
  if (!value) return <span className="text-muted-foreground">—</span>;
  const known = (QR_IMAGE_TYPES as readonly string[]).includes(value);
  return (
    <Badge variant={known ? "secondary" : "outline"} className="font-mono">
      {value}
    </Badge>
  );
}

/** The deep link, openable and copyable; the QR encodes exactly this text. */
export function DeepLink({ url, className }: { url: string | null; className?: string }) {
  const t = useTranslations("qrCodes");
  if (!url) return <span className="text-sm text-muted-foreground">{t("visual.noLink")}</span>;
  return (
    <div className={cn("flex min-w-0 items-center gap-1", className)}>
      <a
        href={url}
        target="_blank"
        rel="noopener noreferrer"
        className="min-w-0 truncate font-mono text-xs text-primary underline-offset-4 hover:underline"
        data-testid="deep-link"
      >
        {url}
        <span className="sr-only"> {t("opensInNewTab")}</span>
      </a>
      <CopyButton text={url} label={t("copyLink")} copiedLabel={t("copied")} className="size-7" />
    </div>
  );
}

/** The prefilled message as the customer will send it (line breaks kept). */
export function MessageText({ text, clamp }: { text: string | null; clamp?: boolean }) {
  const t = useTranslations("qrCodes");
  if (!text) return <span className="text-muted-foreground">—</span>;
  return (
    <p className={cn("text-sm break-words whitespace-pre-wrap", clamp && "line-clamp-2")} title={clamp ? text : undefined}>
      <span className="sr-only">{t("messageLabel")}: </span>
      {text}
    </p>
  );
}

/** Opens the printable sheet in a new tab. */
export function PrintLink({ spaceId, phone, code }: { spaceId: string; phone: string; code: string }) {
  const t = useTranslations("qrCodes.print");
  return (
    <Button variant="outline" size="sm" asChild>
      <Link href={`/s/${encodeURIComponent(spaceId)}/qr-codes/print/${phone}/${encodeURIComponent(code)}`} target="_blank" aria-label={t("openLabel", { code })}>
        <Printer aria-hidden="true" />
        {t("open")}
        <ExternalLink aria-hidden="true" className="opacity-60" />
      </Link>
    </Button>
  );
}
