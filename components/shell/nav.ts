import { FileClock, KeyRound, Layers, Phone, QrCode, Settings, Webhook } from "lucide-react";

/** Space-scoped sections live under /s/<space>/…; the rest are global. */
export const NAV_ITEMS = [
  { key: "phoneNumbers", segment: "phone-numbers", icon: Phone, scoped: true, adminOnly: false },
  { key: "qrCodes", segment: "qr-codes", icon: QrCode, scoped: true, adminOnly: false },
  { key: "webhooks", segment: "webhooks", icon: Webhook, scoped: true, adminOnly: false },
  { key: "encryptionKeys", segment: "encryption-keys", icon: KeyRound, scoped: true, adminOnly: false },
  { key: "bulk", segment: "bulk", icon: Layers, scoped: false, adminOnly: false },
  { key: "audit", segment: "audit", icon: FileClock, scoped: false, adminOnly: false },
  { key: "settings", segment: "settings", icon: Settings, scoped: false, adminOnly: false },
] as const;

export type NavKey = (typeof NAV_ITEMS)[number]["key"];

export function hrefFor(item: (typeof NAV_ITEMS)[number], space: string | null): string {
  if (!item.scoped) return `/${item.segment}`;
  return space ? `/s/${space}/${item.segment}` : "/";
}
