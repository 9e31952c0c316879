import { HydrationBoundary } from "@tanstack/react-query";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { statusFilterField } from "@/lib/schemas/phone-numbers";
import { accessibleSpaces, canWrite, getSessionUser } from "@/server/auth/session";
import { listPhoneNumbersView, pageAllSpacesNumbers, pageSpaceAccess } from "@/server/data/phone-numbers";
import { getSpace } from "@/server/data/spaces";
import { dehydrated, prefetch } from "@/server/query-client";
import { allSpacesPageQuery, allSpacesPageQueryOf, phoneListQuery } from "@/components/phone-numbers/queries";
import { AddNumberDialog } from "@/components/phone-numbers/add-number-dialog";
import type { PickableSpace } from "@/components/phone-numbers/space-picker";
import { PhoneList } from "@/components/phone-numbers/phone-list";
import { isSpaceSetupError, SpaceSetupNotice } from "@/components/phone-numbers/space-setup-notice";

/** The list's URL state (components/phone-numbers/use-list-state.ts). */
const LIST_KEYS = new Set(["q", "status", "quality", "sort", "dir", "page"]);

type Props = { params: Promise<{ space: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * First paint on the server: the numbers are prefetched here with the list's own query options
 * (server/data as the fetcher) and hydrated; TanStack Query then owns refreshes (GET /api/…). A
 * failed read is not hydrated: the client's first fetch shows it, explained.
 */
export default async function PhoneNumbersPage({ params, searchParams }: Props) {
  const { space } = await params;
  const sp = await searchParams;
  const status = statusFilterField.parse(typeof sp.status === "string" ? sp.status : undefined);
  const t = await getTranslations("phoneNumbers");
  // The first space the user may change (the dialog's default); on All spaces the others are found by typing.
  let writable: PickableSpace | null = null;
  let description: string;
  let setupNotice: React.ReactNode = null;

  if (space === "all") {
    const user = await getSessionUser();
    if (!user) notFound();
    const spaces = await accessibleSpaces(user);
    if (!user.isAdmin && spaces.length < 2) notFound();
    const first = spaces.find((s) => canWrite(s.role));
    if (first) writable = { id: first.id, name: first.name };
    description = t("allDescription", { count: spaces.length });
    // One page, searched, sorted and filtered in SQL, from the URL's list state (as the browser asks for it).
    const query = allSpacesPageQueryOf(Object.fromEntries(Object.entries(sp).filter(([k, v]) => typeof v === "string" && LIST_KEYS.has(k))));
    await prefetch(allSpacesPageQuery(query, async () => ({ ...(await pageAllSpacesNumbers(user, query)), fetchedAt: new Date().toISOString() })));
  } else {
    const { role } = await pageSpaceAccess(space);
    const row = await getSpace(space);
    if (canWrite(role) && row) writable = { id: row.id, name: row.name };
    description = t("description", { space: row?.name ?? "" });
    const failed = await prefetch(phoneListQuery(space, status, async () => ({ ...(await listPhoneNumbersView(space, status)), fetchedAt: new Date().toISOString() })));
    // A failed read is left to the client's first fetch, which shows the explained error and a
    // retry button; a wrong CustSpaceId or account also gets what to fix and where.
    if (failed && isSpaceSetupError((failed as { code?: string }).code)) {
      const user = await getSessionUser();
      setupNotice = <SpaceSetupNotice spaceName={row?.name ?? ""} isAdmin={!!user?.isAdmin} />;
    }
  }

  const add = writable ? <AddNumberDialog pickSpace={space === "all"} defaultSpace={writable} /> : null;
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={description} actions={add} />
      {setupNotice}
      <HydrationBoundary state={dehydrated()}>
        <PhoneList spaceId={space} />
      </HydrationBoundary>
    </div>
  );
}
