import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AlertChannelsForm } from "@/components/alerts/alert-channels-form";
import { AlertRules } from "@/components/alerts/alert-rules";
import { DeliveryLog } from "@/components/alerts/delivery-log";
import { SmtpSettingsForm } from "@/components/alerts/smtp-settings-form";
import { smtpSettingsDto } from "@/server/alerts/smtp-settings";
import { accessibleSpaces, getSessionUser } from "@/server/auth/session";
import { getDb } from "@/server/db";
import { deliveryLog, listAlertChannels } from "@/server/data/alert-channels";
import { listAlertRules } from "@/server/data/notifications";
import { listUsers } from "@/server/data/users";
import { notFound } from "next/navigation";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("alerts.rules"))("title") };
}

/** Admins only (the settings layout shows nothing else to others; the actions check again). */
export default async function AlertSettingsPage() {
  const user = await getSessionUser();
  if (!user?.isAdmin) notFound();
  const [rules, spaces, channels, smtp, log, users] = await Promise.all([
    listAlertRules(),
    accessibleSpaces(user),
    listAlertChannels(),
    smtpSettingsDto(getDb()),
    deliveryLog(),
    listUsers(),
  ]);
  const spaceList = spaces.map((s) => ({ id: s.id, name: s.name }));
  return (
    <div className="space-y-10">
      <AlertRules rules={rules} spaces={spaceList} />
      <AlertChannelsForm channels={channels} spaces={spaceList} users={users.filter((u) => !u.disabled).map((u) => ({ id: u.id, name: u.name, email: u.email }))} />
      <SmtpSettingsForm settings={smtp} adminEmail={user.email} />
      <DeliveryLog log={log} />
    </div>
  );
}
