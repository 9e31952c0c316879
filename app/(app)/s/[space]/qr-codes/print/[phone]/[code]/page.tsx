import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PrintSheet } from "@/components/qr-codes/print-sheet";
import { ActionErrorAlert } from "@/components/action-error";
import { fullPhoneField } from "@/lib/schemas/phone-numbers";
import { qrdlCodeField } from "@/lib/schemas/qr-codes";
import { getPhoneNumber, pageSpaceAccess } from "@/server/data/phone-numbers";
import { toShownError } from "@/server/safe-error";
import { listNumberQrCodes } from "@/server/data/qr-codes";

/** A printable sheet for one code (opened in a new tab from the card or the details dialog). */
export default async function PrintQrCodePage({ params }: { params: Promise<{ space: string; phone: string; code: string }> }) {
  const { space, phone, code } = await params;
  if (space === "all" || !fullPhoneField.safeParse(phone).success || !qrdlCodeField.safeParse(code).success) notFound();
  await pageSpaceAccess(space);
  const t = await getTranslations("qrCodes.print");
  let codes;
  try {
    codes = (await listNumberQrCodes(space, phone)).codes;
  } catch (err) {
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-semibold">{t("loadFailed")}</h1>
        <ActionErrorAlert error={toShownError(err, { what: "qr-codes.print" })} />
      </div>
    );
  }
  const qr = codes.find((c) => c.qrdlCode === code);
  if (!qr) notFound();
  // The business name is a nicety on the sheet: without it, the number is printed instead.
  const businessName = await getPhoneNumber(space, phone).then((n) => n?.verifiedName ?? null, () => null);
  return <PrintSheet code={qr} businessName={businessName} backHref={`/s/${space}/phone-numbers/${phone}/qr-codes`} />;
}
