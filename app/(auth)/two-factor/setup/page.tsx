import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getSessionUser, getTwoFactorSetupUser } from "@/server/auth/session";
import { RequiredTwoFactorSetup } from "@/components/two-factor/required-setup";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("twoFactor"))("requiredTitle") };
}

/** Where a user whom the two-factor requirement applies to lands until they have set it up. */
export default async function TwoFactorSetupPage() {
  const pending = await getTwoFactorSetupUser();
  if (!pending) redirect((await getSessionUser()) ? "/" : "/sign-in");
  return <RequiredTwoFactorSetup email={pending.email} />;
}
