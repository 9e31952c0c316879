"use client";

import { useTranslations } from "next-intl";
import { Card, CardContent, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import type { QrCodeDto } from "@/lib/schemas/qr-codes";
import { ChatPreviewButton } from "./chat-preview";
import { DeleteQrCodeButton, EditQrCodeButton } from "./qr-code-actions";
import { DeepLink, ImageTypeBadge, MessageText, PrintLink } from "./qr-code-parts";
import { QrDownloads } from "./qr-downloads";
import { QrPair } from "./qr-visual";

/** One code: the QR drawn here beside CAMS's image, its message and link, and what can be done with it. */
export function QrCodeCard({ spaceId, code, businessName, canWrite }: { spaceId: string; code: QrCodeDto; businessName: string | null; canWrite: boolean }) {
  const t = useTranslations("qrCodes.card");
  return (
    <Card className="gap-4 py-5" data-testid={`qr-card-${code.qrdlCode}`}>
      <CardHeader className="flex items-center justify-between gap-2 px-5">
        <CardTitle asHeading="h3" className="font-mono text-base">
          <span className="sr-only">{t("codeLabel")} </span>
          {code.qrdlCode}
        </CardTitle>
        <ImageTypeBadge value={code.generateQrImage} />
      </CardHeader>
      <CardContent className="space-y-3 px-5">
        <QrPair deepLink={code.deepLinkUrl} imageUrl={code.qrImageUrl} size={136} />
        <div className="rounded-md bg-muted/60 px-3 py-2">
          <MessageText text={code.prefilledMessage} />
        </div>
        <DeepLink url={code.deepLinkUrl} />
      </CardContent>
      <CardFooter className="mt-auto flex-wrap gap-2 px-5">
        <QrDownloads value={code.deepLinkUrl} code={code.qrdlCode} />
        <PrintLink spaceId={spaceId} phone={code.phoneNumber} code={code.qrdlCode} />
        <ChatPreviewButton businessName={businessName} phone={code.phoneNumber} message={code.prefilledMessage ?? ""} code={code.qrdlCode} />
        {canWrite ? (
          <>
            <EditQrCodeButton spaceId={spaceId} code={code} businessName={businessName} />
            <DeleteQrCodeButton spaceId={spaceId} code={code} />
          </>
        ) : null}
      </CardFooter>
    </Card>
  );
}
