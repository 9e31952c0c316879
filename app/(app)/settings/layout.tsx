import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { SettingsTabs } from "@/components/shell/settings-tabs";
import { getSessionUser } from "@/server/auth/session";
import { redirect } from "next/navigation";

export default async function SettingsLayout({ children }: { children: React.ReactNode }) {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in");
  const t = await getTranslations("settings");
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("description")} />
      {user.isAdmin ? <SettingsTabs /> : <p className="text-sm text-muted-foreground">{t("adminOnly")}</p>}
      {user.isAdmin ? children : null}
    </div>
  );
}
