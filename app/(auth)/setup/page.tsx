import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { isSetupCompleted } from "@/server/data/settings";
import { ensureMigrated } from "@/server/db";
import { SetupForm } from "@/components/auth/setup-form";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("setupTitle") };
}

/** Exists only until the first administrator is created; after that it is gone for good. */
export default async function SetupPage() {
  await ensureMigrated();
  if (await isSetupCompleted()) notFound();
  return <SetupForm />;
}
