import { HydrationBoundary } from "@tanstack/react-query";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { AllSpacesQrCodes } from "@/components/qr-codes/all-spaces-qr-codes";
import { allQrPageQuery } from "@/components/qr-codes/queries";
import { SpaceQrCodes } from "@/components/qr-codes/space-qr-codes";
import { PageHeader } from "@/components/ui/page-header";
import { allQrPageSchema } from "@/lib/schemas/qr-codes";
import { canWrite, getSessionUser } from "@/server/auth/session";
import { pageSpaceAccess } from "@/server/data/phone-numbers";
import { pageAllSpacesQrCodes } from "@/server/data/qr-codes";
import { dehydrated, prefetch } from "@/server/query-client";

type Props = { params: Promise<{ space: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * Every message QR code of the space, or of every readable space for "all" (with a space column;
 * one page prefetched from the inventory in SQL, from the URL's search, number filter and page).
 */
export default async function QrCodesPage({ params, searchParams }: Props) {
  const { space } = await params;
  const t = await getTranslations("qrCodes.page");
  if (space === "all") {
    const user = await getSessionUser();
    if (!user) notFound();
    const sp = await searchParams;
    const query = allQrPageSchema.parse(Object.fromEntries(Object.entries(sp).filter(([k, v]) => typeof v === "string" && ["q", "number", "page"].includes(k))));
    await prefetch(allQrPageQuery(query, async () => ({ ...(await pageAllSpacesQrCodes(user, query)), fetchedAt: new Date().toISOString() })));
    return (
      <div className="space-y-6">
        <PageHeader title={t("title")} description={t("descriptionAll")} />
        <HydrationBoundary state={dehydrated()}>
          <AllSpacesQrCodes />
        </HydrationBoundary>
      </div>
    );
  }
  // The client's writes are checked again by the actions; this only decides which buttons to show.
  const { role } = await pageSpaceAccess(space);
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("description")} />
      <SpaceQrCodes spaceId={space} canWrite={canWrite(role)} />
    </div>
  );
}
