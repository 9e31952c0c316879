import { redirect } from "next/navigation";
import { getSessionUser } from "@/server/auth/session";

export default async function SettingsIndex() {
  const user = await getSessionUser();
  if (user?.isAdmin) redirect("/settings/users");
  return null;
}
