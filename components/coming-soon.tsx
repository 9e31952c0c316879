import { Construction } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

/** An honest placeholder for a section whose issue has not landed yet. */
export async function ComingSoon({ section }: { section: "phoneNumbers" | "qrCodes" | "webhooks" | "encryptionKeys" | "bulk" | "audit" }) {
  const t = await getTranslations();
  return (
    <div className="space-y-6">
      <PageHeader title={t(`nav.${section}`)} description={t(`placeholder.${section}`)} />
      <EmptyState icon={<Construction />} title={t("common.comingSoon")} description={t("common.comingSoonBody")} />
    </div>
  );
}
