import { notFound } from "next/navigation";
import { getSessionUser } from "@/server/auth/session";
import { listSpaces } from "@/server/data/spaces";
import { listUsers } from "@/server/data/users";
import { UsersTable } from "@/components/users/users-table";

export default async function UsersPage() {
  const me = await getSessionUser();
  if (!me?.isAdmin) notFound();
  const [users, spaces] = await Promise.all([listUsers(), listSpaces()]);
  return <UsersTable users={users} spaces={spaces.map((s) => ({ id: s.id, name: s.name }))} meId={me.id} />;
}
