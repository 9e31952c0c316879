import { redirect } from "next/navigation";
import { AppShell } from "@/components/shell/app-shell";
import { accessibleSpaces, getSessionUser, getTwoFactorSetupUser, sessionTwoFactorEnabled } from "@/server/auth/session";
import { isSetupCompleted } from "@/server/data/settings";
import { listSandboxAccountIds } from "@/server/data/accounts";

export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await getSessionUser();
  // Signed in, but a two-factor requirement applies and it is not set up yet: that comes first.
  if (!user && (await getTwoFactorSetupUser())) redirect("/two-factor/setup");
  if (!user) redirect((await isSetupCompleted()) ? "/sign-in" : "/setup");
  const [spaces, sandboxAccounts, twoFactorEnabled] = await Promise.all([accessibleSpaces(user), listSandboxAccountIds(), sessionTwoFactorEnabled()]);
  return (
    <AppShell
      user={{ name: user.name, email: user.email, isAdmin: user.isAdmin, twoFactorEnabled }}
      spaces={spaces.map((s) => ({ id: s.id, name: s.name, role: s.role, sandbox: !!s.accountId && sandboxAccounts.has(s.accountId) }))}
      lastSpaceId={user.lastSpaceId}
    >
      {children}
    </AppShell>
  );
}
