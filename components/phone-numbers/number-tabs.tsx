"use client";

import { useTranslations } from "next-intl";
import { LinkTabs } from "@/components/ui/link-tabs";

/** Each tab is a nested route under the number, so another feature fills its own folder. */
const TABS = [
  { segment: "", key: "overview" },
  { segment: "/encryption-key", key: "encryptionKey" },
  { segment: "/qr-codes", key: "qrCodes" },
  { segment: "/webhook", key: "webhook" },
  { segment: "/profile", key: "profile" },
  { segment: "/automation", key: "automation" },
  { segment: "/messages", key: "messages" },
  { segment: "/history", key: "history" },
] as const;

export function NumberTabs({ base }: { base: string }) {
  const t = useTranslations("phoneNumbers.tabs");
  const tabs = TABS.map((tab) => ({
    href: base + tab.segment,
    label: t(tab.key),
    // The overview is the number's own page: open only there, not under every tab.
    ...(tab.segment ? {} : { active: (pathname: string) => pathname === base }),
  }));
  return <LinkTabs label={t("label")} tabs={tabs} testId="number-tabs" />;
}
