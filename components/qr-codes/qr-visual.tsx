"use client";

import { ImageOff, QrCode } from "lucide-react";
import { useTranslations } from "next-intl";
import { QRCodeCanvas } from "qrcode.react";
import { useId, useState } from "react";
import { cn } from "@/lib/utils";

/** One setting for every QR we draw: level M survives a little print damage and keeps codes small. */
export const QR_LEVEL = "M" as const;

/** The QR drawn in the browser from the deep link: the one that really opens the chat. */
export function QrCanvas({ value, size = 152, className }: { value: string | null; size?: number; className?: string }) {
  const t = useTranslations("qrCodes.visual");
  if (!value) {
    return (
      <div
        className={cn("flex flex-col items-center justify-center gap-1 rounded-md border border-dashed text-center text-xs text-muted-foreground", className)}
        style={{ width: size, height: size }}
      >
        <QrCode className="size-6" aria-hidden="true" />
        {t("noLink")}
      </div>
    );
  }
  return (
    <QRCodeCanvas
      value={value}
      size={size}
      level={QR_LEVEL}
      marginSize={2}
      role="img"
      aria-label={t("qrLabel", { link: value })}
      data-testid="qr-canvas"
      data-value={value}
      className={cn("rounded-md border bg-white", className)}
    />
  );
}

/**
 * The image CAMS generated (QrImageUrl). It can be missing, expired or blocked, so a failed load
 * shows a placeholder instead of a broken image; the drawn QR beside it still works.
 */
export function CamsQrImage({ src, size = 152, className }: { src: string | null; size?: number; className?: string }) {
  const t = useTranslations("qrCodes.visual");
  const [failedSrc, setFailedSrc] = useState<string | null>(null);
  if (!src || failedSrc === src) {
    return (
      <div
        className={cn("flex flex-col items-center justify-center gap-1 rounded-md border border-dashed p-2 text-center text-xs text-muted-foreground", className)}
        style={{ width: size, height: size }}
        data-testid="cams-image-fallback"
      >
        <ImageOff className="size-6" aria-hidden="true" />
        {t("imageUnavailable")}
      </div>
    );
  }
  return (
    // A plain img on purpose: the URL is CAMS's, of any host, and must not go through Next's image
    // proxy; no-referrer keeps the console's address from being sent to that host.
    // eslint-disable-next-line @next/next/no-img-element
    <img
      src={src}
      alt={t("camsImageAlt")}
      width={size}
      height={size}
      loading="lazy"
      referrerPolicy="no-referrer"
      onError={() => setFailedSrc(src)}
      className={cn("rounded-md border bg-white object-contain", className)}
      data-testid="cams-image"
    />
  );
}

/**
 * The drawn QR and the CAMS image side by side, each captioned, with which one to print: the drawn
 * one (Download and Print use it, made from the deep link); CAMS's image is there to compare.
 */
export function QrPair({ deepLink, imageUrl, size = 152 }: { deepLink: string | null; imageUrl: string | null; size?: number }) {
  const t = useTranslations("qrCodes.visual");
  const noteId = useId();
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-start gap-4">
        <figure className="flex flex-col items-center gap-1.5" aria-describedby={noteId} data-testid="qr-to-print">
          <QrCanvas value={deepLink} size={size} className="ring-2 ring-primary ring-offset-2 ring-offset-background" />
          <figcaption className="max-w-[12rem] text-center text-xs font-medium">{t("drawnCaption")}</figcaption>
        </figure>
        <figure className="flex flex-col items-center gap-1.5">
          <CamsQrImage src={imageUrl} size={size} className="opacity-90" />
          <figcaption className="max-w-[12rem] text-center text-xs text-muted-foreground">{t("camsCaption")}</figcaption>
        </figure>
      </div>
      <p id={noteId} className="text-xs text-muted-foreground" data-testid="qr-which-to-print">
        {t("whichToPrint")}
      </p>
    </div>
  );
}
