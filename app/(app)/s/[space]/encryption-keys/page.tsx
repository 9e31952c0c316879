import { HydrationBoundary } from "@tanstack/react-query";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { accessibleSpaces, getSessionUser } from "@/server/auth/session";
import { listKeyNumbers, pageAllSpacesKeys } from "@/server/data/encryption-keys";
import { pageSpaceAccess } from "@/server/data/phone-numbers";
import { getSpace } from "@/server/data/spaces";
import { dehydrated, prefetch } from "@/server/query-client";
import { AllKeysList } from "@/components/encryption-key/all-keys-list";
import { KeysList } from "@/components/encryption-key/keys-list";
import { allKeysPageQuery, keyNumbersQuery } from "@/components/encryption-key/queries";

type Props = { params: Promise<{ space: string }> };

/**
 * Every number of the space (or one page of every readable space's, paged in SQL) with its key
 * state, from the inventory: the first paint carries the stored keys; a number never observed is
 * asked about from the browser.
 */
export default async function EncryptionKeysPage({ params }: Props) {
  const { space } = await params;
  const t = await getTranslations("encryptionKeys");
  let spaces: { id: string; name: string }[];
  let description: string;

  if (space === "all") {
    const user = await getSessionUser();
    if (!user) notFound();
    const list = await accessibleSpaces(user);
    if (!user.isAdmin && list.length < 2) notFound();
    spaces = [];
    description = t("allDescription", { count: list.length });
    // Page 1, paged in SQL over every readable space's stored keys (as the browser asks for it).
    const query = { page: 1 };
    await prefetch(allKeysPageQuery(query, async () => ({ ...(await pageAllSpacesKeys(user, query)), fetchedAt: new Date().toISOString() })));
  } else {
    await pageSpaceAccess(space);
    const row = await getSpace(space);
    spaces = [{ id: space, name: row?.name ?? "" }];
    description = t("description", { space: row?.name ?? "" });
    // A failed read is left to the client's first fetch, which shows the explained error and a retry button.
    await prefetch(keyNumbersQuery(space, async () => ({ ...(await listKeyNumbers(space)), fetchedAt: new Date().toISOString() })));
  }

  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={description} />
      <HydrationBoundary state={dehydrated()}>
        {space === "all" ? <AllKeysList /> : <KeysList spaces={spaces} showSpace={false} />}
      </HydrationBoundary>
    </div>
  );
}
