import { notFound } from "next/navigation";
import { getSessionUser } from "@/server/auth/session";
import { listSpaces } from "@/server/data/spaces";
import { listUsers } from "@/server/data/users";
import { getTwoFactorPolicy } from "@/server/data/two-factor";
import { UsersTable } from "@/components/users/users-table";
import { TwoFactorPolicyForm } from "@/components/two-factor/policy-form";

export default async function UsersPage() {
  const me = await getSessionUser();
  if (!me?.isAdmin) notFound();
  const [users, spaces, policy] = await Promise.all([listUsers(), listSpaces(), getTwoFactorPolicy()]);
  return (
    <div className="space-y-6">
      <TwoFactorPolicyForm policy={policy} />
      <UsersTable users={users} spaces={spaces.map((s) => ({ id: s.id, name: s.name }))} meId={me.id} />
    </div>
  );
}
