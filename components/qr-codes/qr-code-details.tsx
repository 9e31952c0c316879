"use client";

import { Eye } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { formatPhoneNumber } from "@/lib/phone";
import { ChatPreview } from "./chat-preview";
import { DeepLink, ImageTypeBadge, MessageText, PrintLink } from "./qr-code-parts";
import { QrDownloads } from "./qr-downloads";
import { QrPair } from "./qr-visual";
import type { QrRow } from "./queries";

/** A table row's code in full: both images, the link, downloads, print and the chat preview. */
export function QrCodeDetailsButton({ row }: { row: QrRow }) {
  const t = useTranslations("qrCodes");
  return (
    <Dialog>
      <DialogTrigger asChild>
        <Button variant="outline" size="sm" aria-label={t("details.openLabel", { code: row.qrdlCode })}>
          <Eye aria-hidden="true" />
          {t("details.open")}
        </Button>
      </DialogTrigger>
      <DialogContent closeLabel={t("close")} className="sm:max-w-3xl">
        <DialogHeader>
          <DialogTitle className="flex items-center gap-2">
            <span className="font-mono">{row.qrdlCode}</span>
            <ImageTypeBadge value={row.generateQrImage} />
          </DialogTitle>
          <DialogDescription>
            {t("details.description", { phone: formatPhoneNumber(row.phoneNumber), name: row.verifiedName ?? "—" })}
          </DialogDescription>
        </DialogHeader>
        <div className="grid gap-6 md:grid-cols-[1fr_auto]">
          <div className="min-w-0 space-y-4">
            <QrPair deepLink={row.deepLinkUrl} imageUrl={row.qrImageUrl} size={168} />
            <div className="rounded-md bg-muted/60 px-3 py-2">
              <MessageText text={row.prefilledMessage} />
            </div>
            <DeepLink url={row.deepLinkUrl} />
            <div className="flex flex-wrap gap-2">
              <QrDownloads value={row.deepLinkUrl} code={row.qrdlCode} />
              <PrintLink spaceId={row.spaceId} phone={row.phoneNumber} code={row.qrdlCode} />
            </div>
          </div>
          <div className="space-y-2">
            <p className="text-sm font-medium">{t("preview.title")}</p>
            <ChatPreview businessName={row.verifiedName} phone={row.phoneNumber} message={row.prefilledMessage ?? ""} />
          </div>
        </div>
      </DialogContent>
    </Dialog>
  );
}
