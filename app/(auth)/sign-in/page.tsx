import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getSessionUser, getTwoFactorSetupUser } from "@/server/auth/session";
import { isSetupCompleted } from "@/server/data/settings";
import { SignInForm } from "@/components/auth/sign-in-form";
import { ssoButtonName } from "@/server/data/sso";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("signInTitle") };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ error?: string | string[] }> }) {
  if (!(await getSessionUser())) {
    if (!(await isSetupCompleted())) redirect("/setup");
    if (await getTwoFactorSetupUser()) redirect("/two-factor/setup");
    // A single sign-on the provider or the app refused comes back here with the library's code.
    const error = (await searchParams).error;
    return <SignInForm sso={await ssoButtonName()} ssoError={typeof error === "string" ? error.slice(0, 100) : null} />;
  }
  redirect("/");
}
