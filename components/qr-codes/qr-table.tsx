"use client";

import Link from "@/components/ui/link";
import { useTranslations } from "next-intl";
import { PhoneNumberText } from "@/components/phone-numbers/phone-number-text";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { DeleteQrCodeButton, EditQrCodeButton } from "./qr-code-actions";
import { QrCodeDetailsButton } from "./qr-code-details";
import { DeepLink, ImageTypeBadge, MessageText } from "./qr-code-parts";
import type { QrRow } from "./queries";

/** Every code of the space, one row each; the QR itself is one click away (Details). */
export function QrTable<R extends QrRow>({ rows, showSpace, canWrite }: { rows: R[]; showSpace: boolean; canWrite: (row: R) => boolean }) {
  const t = useTranslations("qrCodes.list");
  return (
    <div className="rounded-lg border">
      <Table>
        <TableHeader>
          <TableRow>
            {showSpace ? <TableHead hideBelow="sm">{t("space")}</TableHead> : null}
            <TableHead>{t("number")}</TableHead>
            <TableHead>{t("code")}</TableHead>
            <TableHead hideBelow="md" className="min-w-48">
              {t("message")}
            </TableHead>
            <TableHead hideBelow="lg">{t("imageType")}</TableHead>
            <TableHead hideBelow="lg">{t("deepLink")}</TableHead>
            <TableHead className="text-right">{t("actions")}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={`${r.spaceId}:${r.phoneNumber}:${r.qrdlCode}`} data-testid={`qr-row-${r.qrdlCode}`}>
              {showSpace ? (
                <TableCell hideBelow="sm" className="text-sm">
                  {r.spaceName}
                </TableCell>
              ) : null}
              <TableCell>
                <Link
                  href={`/s/${encodeURIComponent(r.spaceId)}/phone-numbers/${r.phoneNumber}/qr-codes`}
                  className="block rounded-sm underline-offset-4 hover:underline focus-visible:outline-2 focus-visible:outline-ring"
                >
                  <PhoneNumberText phone={r.phoneNumber} />
                </Link>
                {r.verifiedName ? <span className="block max-w-48 truncate text-xs text-muted-foreground">{r.verifiedName}</span> : null}
              </TableCell>
              <TableCell className="font-mono text-sm">{r.qrdlCode}</TableCell>
              <TableCell hideBelow="md" className="max-w-72 whitespace-normal">
                <MessageText text={r.prefilledMessage} clamp />
              </TableCell>
              <TableCell hideBelow="lg">
                <ImageTypeBadge value={r.generateQrImage} />
              </TableCell>
              <TableCell hideBelow="lg" className="max-w-56">
                <DeepLink url={r.deepLinkUrl} />
              </TableCell>
              <TableCell>
                <div className="flex justify-end gap-2">
                  <QrCodeDetailsButton row={r} />
                  {canWrite(r) ? (
                    <>
                      <EditQrCodeButton spaceId={r.spaceId} code={r} businessName={r.verifiedName} compact />
                      <DeleteQrCodeButton spaceId={r.spaceId} code={r} compact />
                    </>
                  ) : null}
                </div>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
