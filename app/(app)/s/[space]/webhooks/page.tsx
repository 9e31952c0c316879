import { Settings2 } from "lucide-react";
import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { WebhooksTable } from "@/components/webhooks/webhooks-table";

/** Every number of the space (or of all spaces) with its callback settings; the space layout checked access. */
export default async function WebhooksPage({ params }: { params: Promise<{ space: string }> }) {
  const { space } = await params;
  const t = await getTranslations("webhooks");
  const all = space === "all";
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("title")}
        description={all ? t("descriptionAll") : t("description")}
        actions={
          all ? null : (
            <Button asChild variant="outline">
              <Link href={`/s/${space}/space-settings`}>
                <Settings2 aria-hidden="true" />
                {t("spaceSettingsLink")}
              </Link>
            </Button>
          )
        }
      />
      <WebhooksTable spaceId={space} />
    </div>
  );
}
