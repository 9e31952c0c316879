import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { HistoryFilters } from "@/components/history/history-filters";
import { HistoryTable } from "@/components/history/history-table";
import { keysetHrefs } from "@/components/keyset-pager";
import { PageHeader } from "@/components/ui/page-header";
import { getSessionUser } from "@/server/auth/session";
import { historyPage } from "@/server/data/history";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("history") };
}

type Props = { params: Promise<{ space: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The space's change feed, or every readable space's for "all" (with a space column). */
export default async function HistoryPage({ params, searchParams }: Props) {
  const { space } = await params;
  const user = await getSessionUser();
  if (!user) notFound();
  const page = await historyPage(user, space, await searchParams);
  if (!page) notFound();
  const t = await getTranslations("history");
  const path = `/s/${space}/history`;
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={space === "all" ? t("descriptionAll") : t("description")} />
      <HistoryFilters withPhone exportHref={`/api/history/export?${new URLSearchParams([["space", space], ...page.query]).toString()}`} />
      <HistoryTable events={page.events} showNumber showSpace={space === "all"} {...keysetHrefs(path, page.query, page.before, page.nextBefore)} />
    </div>
  );
}
