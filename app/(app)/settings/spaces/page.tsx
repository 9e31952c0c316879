import { notFound } from "next/navigation";
import { getSessionUser } from "@/server/auth/session";
import { listAccounts } from "@/server/data/accounts";
import { listSpaces } from "@/server/data/spaces";
import { SpacesTable } from "@/components/spaces/spaces-table";

export default async function SpacesPage() {
  const me = await getSessionUser();
  if (!me?.isAdmin) notFound();
  const [spaces, accounts] = await Promise.all([listSpaces(), listAccounts()]);
  return <SpacesTable spaces={spaces} accounts={accounts.map((a) => ({ id: a.id, name: a.name }))} />;
}
