import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { HistoryFilters } from "@/components/history/history-filters";
import { HistoryTable } from "@/components/history/history-table";
import { keysetHrefs } from "@/components/keyset-pager";
import { fullPhoneField } from "@/lib/schemas/phone-numbers";
import { historyPage } from "@/server/data/history";
import { pageSpaceAccess } from "@/server/data/phone-numbers";
import { TitledSection } from "@/components/ui/titled-section";

type Props = { params: Promise<{ space: string; phone: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The number's "History" tab: its observed changes, newest first (the layout checked the number is the space's). */
export default async function NumberHistoryPage({ params, searchParams }: Props) {
  const { space, phone } = await params;
  if (space === "all" || !fullPhoneField.safeParse(phone).success) notFound();
  const { user } = await pageSpaceAccess(space);
  const page = await historyPage(user, space, await searchParams, phone);
  if (!page) notFound();
  const t = await getTranslations("history");
  const path = `/s/${space}/phone-numbers/${phone}/history`;
  return (
    <TitledSection id="number-history-title" title={t("title")} description={t("numberDescription")}>
      <HistoryFilters withPhone={false} exportHref={`/api/history/export?${new URLSearchParams([["space", space], ["number", phone], ...page.query]).toString()}`} />
      <HistoryTable events={page.events} showNumber={false} showSpace={false} {...keysetHrefs(path, page.query, page.before, page.nextBefore)} />
    </TitledSection>
  );
}
