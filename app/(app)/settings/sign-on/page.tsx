import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { env } from "@/lib/env";
import { SsoForm } from "@/components/sso/sso-form";
import { getSessionUser } from "@/server/auth/session";
import { appUrlOf } from "@/server/auth/origins";
import { SSO_CALLBACK_PATH } from "@/server/auth/auth";
import { getSsoSettings } from "@/server/data/sso";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("sso"))("title") };
}

/** Admins only (the settings layout shows nothing else to others; the actions check again). */
export default async function SignOnSettingsPage() {
  const user = await getSessionUser();
  if (!user?.isAdmin) notFound();
  const redirectUri = `${appUrlOf(env)}${SSO_CALLBACK_PATH}`;
  return <SsoForm settings={await getSsoSettings(redirectUri)} redirectUri={redirectUri} />;
}
