import { Lock } from "lucide-react";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { NewJobWizard } from "@/components/bulk/new-job-wizard";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { OPERATIONS } from "@/lib/cams/operations";
import { BULK_OPERATION, parsePreselection } from "@/lib/schemas/bulk";
import { getSessionUser } from "@/server/auth/session";
import { bulkRates, writableSpaces } from "@/server/data/bulk";

/**
 * A new bulk job. Other pages link here with a pre-selection:
 * `/bulk/new?kind=webhook&items=<spaceId>:<phone>,…` or `/bulk/new?spaces=<id>,<id>&status=CONNECTED`.
 */
export default async function NewBulkJobPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in");
  const [t, writable] = await Promise.all([getTranslations("bulk"), writableSpaces(user)]);
  const preselection = parsePreselection(await searchParams);
  return (
    <div className="space-y-6">
      <PageHeader title={t("wizard.title")} description={t("wizard.description")} />
      {writable.length === 0 ? (
        <EmptyState icon={<Lock />} title={t("wizard.noWriteTitle")} description={t("list.noWrite")} />
      ) : (
        <NewJobWizard
          spaces={writable.map((s) => ({ id: s.id, name: s.name, custSpaceId: s.custSpaceId, accountId: s.accountId }))}
          rates={bulkRates()}
          qps={{
            webhook: OPERATIONS[BULK_OPERATION.webhook].qps,
            encryption_key: OPERATIONS[BULK_OPERATION.encryption_key].qps,
            automation: OPERATIONS[BULK_OPERATION.automation].qps,
            profile: OPERATIONS[BULK_OPERATION.profile].qps,
          }}
          preselection={preselection}
        />
      )}
    </div>
  );
}
