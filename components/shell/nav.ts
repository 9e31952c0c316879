import { FileClock, History, KeyRound, Layers, Phone, QrCode, Settings, Webhook } from "lucide-react";

/** Space-scoped sections live under /s/<space>/…; the rest are global. */
export const NAV_ITEMS = [
  { key: "phoneNumbers", segment: "phone-numbers", icon: Phone, scoped: true, adminOnly: false },
  { key: "qrCodes", segment: "qr-codes", icon: QrCode, scoped: true, adminOnly: false },
  { key: "webhooks", segment: "webhooks", icon: Webhook, scoped: true, adminOnly: false },
  { key: "encryptionKeys", segment: "encryption-keys", icon: KeyRound, scoped: true, adminOnly: false },
  { key: "history", segment: "history", icon: History, scoped: true, adminOnly: false },
  { key: "bulk", segment: "bulk", icon: Layers, scoped: false, adminOnly: false },
  { key: "audit", segment: "audit", icon: FileClock, scoped: false, adminOnly: false },
  // Users, spaces and cloud accounts are the administrators' alone: nobody else is shown the item.
  { key: "settings", segment: "settings", icon: Settings, scoped: false, adminOnly: true },
] as const;

/** The items this person may use. */
export const navItemsFor = (isAdmin: boolean) => NAV_ITEMS.filter((item) => isAdmin || !item.adminOnly);

export type NavKey = (typeof NAV_ITEMS)[number]["key"];

export function hrefFor(item: (typeof NAV_ITEMS)[number], space: string | null): string {
  if (!item.scoped) return `/${item.segment}`;
  return space ? `/s/${space}/${item.segment}` : "/";
}
