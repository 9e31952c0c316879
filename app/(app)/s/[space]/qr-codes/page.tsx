import { getTranslations } from "next-intl/server";
import { SpaceQrCodes } from "@/components/qr-codes/space-qr-codes";
import { PageHeader } from "@/components/ui/page-header";
import { accessibleSpaces, canWrite, getSessionUser } from "@/server/auth/session";
import { pageSpaceAccess } from "@/server/data/phone-numbers";
import { notFound } from "next/navigation";

/** Every message QR code of the space, or of every readable space for "all" (with a space column). */
export default async function QrCodesPage({ params }: { params: Promise<{ space: string }> }) {
  const { space } = await params;
  const t = await getTranslations("qrCodes.page");
  let writable: string[];
  if (space === "all") {
    const user = await getSessionUser();
    if (!user) notFound();
    writable = (await accessibleSpaces(user)).filter((s) => canWrite(s.role)).map((s) => s.id);
  } else {
    // The client's writes are checked again by the actions; this only decides which buttons to show.
    const { role } = await pageSpaceAccess(space);
    writable = canWrite(role) ? [space] : [];
  }
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={space === "all" ? t("descriptionAll") : t("description")} />
      <SpaceQrCodes spaceId={space} writableSpaceIds={writable} />
    </div>
  );
}
