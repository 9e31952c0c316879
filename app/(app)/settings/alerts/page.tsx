import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AlertRules } from "@/components/alerts/alert-rules";
import { accessibleSpaces, getSessionUser } from "@/server/auth/session";
import { listAlertRules } from "@/server/data/notifications";
import { notFound } from "next/navigation";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("alerts.rules"))("title") };
}

/** Admins only (the settings layout shows nothing else to others; the action checks again). */
export default async function AlertSettingsPage() {
  const user = await getSessionUser();
  if (!user?.isAdmin) notFound();
  const [rules, spaces] = await Promise.all([listAlertRules(), accessibleSpaces(user)]);
  return <AlertRules rules={rules} spaces={spaces.map((s) => ({ id: s.id, name: s.name }))} />;
}
