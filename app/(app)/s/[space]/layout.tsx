import { notFound, redirect } from "next/navigation";
import { accessibleSpaces, getSessionUser, roleInSpace } from "@/server/auth/session";

/** A space in the URL must be one the caller may read; "all" needs several spaces or admin. */
export default async function SpaceLayout({ children, params }: { children: React.ReactNode; params: Promise<{ space: string }> }) {
  const { space } = await params;
  const user = await getSessionUser();
  if (!user) redirect("/sign-in");
  if (space === "all") {
    if (!user.isAdmin && (await accessibleSpaces(user)).length < 2) notFound();
  } else if (!(await roleInSpace(user, space))) {
    notFound();
  }
  return children;
}
