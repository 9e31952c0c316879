"use client";

import { ArrowLeft, Printer } from "lucide-react";
import Link from "@/components/ui/link";
import { useTranslations } from "next-intl";
import { QRCodeSVG } from "qrcode.react";
import { Button } from "@/components/ui/button";
import { formatPhoneNumber } from "@/lib/phone";
import type { QrCodeDto } from "@/lib/schemas/qr-codes";
import { QR_LEVEL } from "./qr-visual";

// On paper only the sheet shows: the console's shell (sidebar, header) is hidden without touching it.
const PRINT_CSS = `
@media print {
  @page { margin: 14mm; }
  body * { visibility: hidden !important; }
  #qr-print-sheet, #qr-print-sheet * { visibility: visible !important; }
  #qr-print-sheet { position: absolute; left: 0; top: 0; width: 100%; border: 0 !important; box-shadow: none !important; }
}`;

/** A print-ready sheet: the QR (vector, with its quiet zone), who it opens a chat with, and the message. */
export function PrintSheet({ code, businessName, backHref }: { code: QrCodeDto; businessName: string | null; backHref: string }) {
  const t = useTranslations("qrCodes.print");
  const name = businessName ?? formatPhoneNumber(code.phoneNumber);
  return (
    <div className="space-y-6">
      <style>{PRINT_CSS}</style>
      <div className="flex flex-wrap items-center justify-between gap-2 print:hidden">
        <Button variant="ghost" size="sm" asChild>
          <Link href={backHref}>
            <ArrowLeft aria-hidden="true" />
            {t("back")}
          </Link>
        </Button>
        <div className="flex items-center gap-3">
          <p className="text-sm text-muted-foreground">{t("hint")}</p>
          <Button onClick={() => window.print()} disabled={!code.deepLinkUrl}>
            <Printer aria-hidden="true" />
            {t("print")}
          </Button>
        </div>
      </div>
      <h1 className="sr-only">{t("title", { code: code.qrdlCode })}</h1>
      <article
        id="qr-print-sheet"
        className="mx-auto flex max-w-xl flex-col items-center gap-5 rounded-xl border bg-white px-8 py-10 text-center text-neutral-900 shadow-sm"
        data-testid="qr-print-sheet"
      >
        <p className="text-2xl font-semibold">{name}</p>
        <p className="text-base">{t("scanToChat")}</p>
        {code.deepLinkUrl ? (
          <QRCodeSVG value={code.deepLinkUrl} size={300} level={QR_LEVEL} marginSize={4} title={t("qrTitle", { name })} />
        ) : (
          <p className="text-neutral-600">{t("noLink")}</p>
        )}
        {code.prefilledMessage ? (
          <div className="w-full max-w-sm space-y-1">
            <p className="text-xs tracking-wide text-neutral-600 uppercase">{t("messageLabel")}</p>
            <p className="rounded-lg bg-[#d9fdd3] px-4 py-2 text-left text-base break-words whitespace-pre-wrap">{code.prefilledMessage}</p>
          </div>
        ) : null}
        <div className="space-y-0.5 text-sm text-neutral-600">
          <p className="tabular-nums">{formatPhoneNumber(code.phoneNumber)}</p>
          {code.deepLinkUrl ? <p className="font-mono text-xs break-all">{code.deepLinkUrl}</p> : null}
          <p className="font-mono text-xs">{t("codeLine", { code: code.qrdlCode })}</p>
        </div>
      </article>
    </div>
  );
}
