import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getSessionUser, getTwoFactorSetupUser } from "@/server/auth/session";
import { isSetupCompleted } from "@/server/data/settings";
import { SignInForm } from "@/components/auth/sign-in-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("signInTitle") };
}

export default async function SignInPage() {
  if (!(await getSessionUser())) {
    if (!(await isSetupCompleted())) redirect("/setup");
    if (await getTwoFactorSetupUser()) redirect("/two-factor/setup");
    return <SignInForm />;
  }
  redirect("/");
}
