import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { formatNetwork } from "@/lib/allowed-networks";
import { AllowedNetworksForm } from "@/components/webhooks/allowed-networks-form";
import { getSessionUser } from "@/server/auth/session";
import { allowedPrivateNetworks } from "@/server/data/webhooks";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("webhooks.networks"))("title") };
}

/** Admins only (the settings layout shows nothing else to others; the action checks again). */
export default async function NetworkSettingsPage() {
  const user = await getSessionUser();
  if (!user?.isAdmin) notFound();
  return <AllowedNetworksForm networks={(await allowedPrivateNetworks()).map(formatNetwork)} />;
}
