import { HydrationBoundary } from "@tanstack/react-query";
import { ChevronRight, Webhook } from "lucide-react";
import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { AccountWebhookPanel } from "@/components/webhooks/account-webhook-panel";
import { accountWebhookQuery } from "@/components/webhooks/queries";
import { accessibleSpaces, canWrite, getSessionUser } from "@/server/auth/session";
import { pageSpaceAccess } from "@/server/data/phone-numbers";
import { getSpace } from "@/server/data/spaces";
import { getAccountWebhook } from "@/server/data/webhooks";
import { dehydrated, getQueryClient } from "@/server/query-client";

/** Settings of one space: its account-level webhook (UpdateAccountWebhook). "all" asks which space. */
export default async function SpaceSettingsPage({ params }: { params: Promise<{ space: string }> }) {
  const { space } = await params;
  const t = await getTranslations("webhooks.space");
  if (space === "all") {
    const user = await getSessionUser();
    const spaces = user ? await accessibleSpaces(user) : [];
    return (
      <div className="space-y-6">
        <PageHeader title={t("title")} description={t("pickSpace")} />
        <ul className="divide-y rounded-lg border">
          {spaces.map((s) => (
            <li key={s.id}>
              <Link href={`/s/${s.id}/space-settings`} className="flex items-center justify-between px-4 py-3 hover:bg-muted/50 focus-visible:outline-2 focus-visible:outline-ring">
                <span className="font-medium">{s.name}</span>
                <ChevronRight className="size-4 text-muted-foreground" aria-hidden="true" />
              </Link>
            </li>
          ))}
        </ul>
      </div>
    );
  }
  const { role } = await pageSpaceAccess(space);
  // A database read: a failure fails the page, as any other database failure does.
  const [row] = await Promise.all([getSpace(space), getQueryClient().fetchQuery(accountWebhookQuery(space, async () => ({ state: await getAccountWebhook(space) })))]);
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("title")}
        description={t("description", { name: row?.name ?? "", custSpaceId: row?.custSpaceId ?? "" })}
        actions={
          <Link href={`/s/${space}/webhooks`} className="inline-flex items-center gap-1.5 text-sm font-medium underline-offset-4 hover:underline">
            <Webhook className="size-4" aria-hidden="true" />
            {t("numbersLink")}
          </Link>
        }
      />
      <HydrationBoundary state={dehydrated()}>
        <AccountWebhookPanel spaceId={space} canWrite={canWrite(role)} />
      </HydrationBoundary>
    </div>
  );
}
