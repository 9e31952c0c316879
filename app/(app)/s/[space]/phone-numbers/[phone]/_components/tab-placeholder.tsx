import { Construction } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";

/** Stand-in for a tab another feature fills: replace the tab's page.tsx, nothing else. */
export async function TabPlaceholder({ tab }: { tab: "encryptionKey" | "qrCodes" | "webhook" }) {
  const t = await getTranslations("phoneNumbers.tabs");
  return (
    <EmptyState
      icon={<Construction />}
      title={t("comingTitle", { tab: t(tab) })}
      description={t(`${tab}Coming`)}
      data-testid={`tab-placeholder-${tab}`}
    />
  );
}
