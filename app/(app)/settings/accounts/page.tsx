import { notFound } from "next/navigation";
import { getSessionUser } from "@/server/auth/session";
import { listAccounts } from "@/server/data/accounts";
import { AccountsTable } from "@/components/accounts/accounts-table";

export default async function AccountsPage() {
  const me = await getSessionUser();
  if (!me?.isAdmin) notFound();
  return <AccountsTable accounts={await listAccounts()} />;
}
