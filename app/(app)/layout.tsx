import { redirect } from "next/navigation";
import { AppShell } from "@/components/shell/app-shell";
import { accessibleSpaces, getSessionUser } from "@/server/auth/session";
import { isSetupCompleted } from "@/server/data/settings";
import { listSandboxAccountIds } from "@/server/data/accounts";

export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await getSessionUser();
  if (!user) redirect((await isSetupCompleted()) ? "/sign-in" : "/setup");
  const [spaces, sandboxAccounts] = await Promise.all([accessibleSpaces(user), listSandboxAccountIds()]);
  return (
    <AppShell
      user={{ name: user.name, email: user.email, isAdmin: user.isAdmin }}
      spaces={spaces.map((s) => ({ id: s.id, name: s.name, role: s.role, sandbox: !!s.accountId && sandboxAccounts.has(s.accountId) }))}
      lastSpaceId={user.lastSpaceId}
    >
      {children}
    </AppShell>
  );
}
