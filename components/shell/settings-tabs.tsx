"use client";

import { useTranslations } from "next-intl";
import { LinkTabs } from "@/components/ui/link-tabs";

const TABS = [
  { href: "/settings/users", key: "users" },
  { href: "/settings/spaces", key: "spaces" },
  { href: "/settings/accounts", key: "accounts" },
  { href: "/settings/operations", key: "operations" },
  { href: "/settings/alerts", key: "alerts" },
  { href: "/settings/network", key: "network" },
  { href: "/settings/sign-on", key: "signOn" },
] as const;

export function SettingsTabs() {
  const t = useTranslations("settings");
  return <LinkTabs label={t("title")} tabs={TABS.map((tab) => ({ href: tab.href, label: t(tab.key) }))} />;
}
