import { redirect } from "next/navigation";
import { AppShell } from "@/components/shell/app-shell";
import { getSessionUser, getTwoFactorSetupUser, sessionTwoFactorEnabled } from "@/server/auth/session";
import { isSetupCompleted } from "@/server/data/settings";
import { shellSpaces } from "@/server/data/spaces";

export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await getSessionUser();
  // Signed in, but a two-factor requirement applies and it is not set up yet: that comes first.
  if (!user && (await getTwoFactorSetupUser())) redirect("/two-factor/setup");
  if (!user) redirect((await isSetupCompleted()) ? "/sign-in" : "/setup");
  // The switcher gets the first spaces by name and the remembered one, not all of them (an
  // administrator of 1,000 spaces types to find the others).
  const [spaces, twoFactorEnabled] = await Promise.all([shellSpaces(user, { include: user.lastSpaceId }), sessionTwoFactorEnabled()]);
  const canAll = user.isAdmin || spaces.total > 1;
  const last = user.lastSpaceId;
  const lastSpaceId = last && (last === "all" ? canAll : spaces.spaces.some((s) => s.id === last)) ? last : null;
  return (
    <AppShell user={{ name: user.name, email: user.email, isAdmin: user.isAdmin, twoFactorEnabled }} spaces={spaces} lastSpaceId={lastSpaceId}>
      {children}
    </AppShell>
  );
}
