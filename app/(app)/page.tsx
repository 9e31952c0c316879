import Link from "@/components/ui/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Building2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { accessibleSpaces, getSessionUser } from "@/server/auth/session";

export default async function Home() {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in");
  const spaces = await accessibleSpaces(user);
  const canAll = user.isAdmin || spaces.length > 1;
  const last = user.lastSpaceId;
  // The last space the person opened; else the first one with a cloud account (one without can
  // only fail). Not "all spaces": with hundreds that is hundreds of CAMS reads for a landing. A
  // space CAMS refuses says so on its page, with what to fix and where.
  const remembered = last && (last === "all" ? canAll : spaces.some((s) => s.id === last)) ? last : null;
  const target = remembered ?? (spaces.find((s) => s.accountId) ?? spaces[0])?.id;
  if (target) redirect(`/s/${target}/phone-numbers`);
  const t = await getTranslations("home");
  return user.isAdmin ? (
    <EmptyState
      icon={<Building2 />}
      title={t("noSpacesAdminTitle")}
      description={t("noSpacesAdminBody")}
      action={
        <Button asChild>
          <Link href="/settings/spaces">{t("goToSettings")}</Link>
        </Button>
      }
    />
  ) : (
    <EmptyState icon={<Building2 />} title={t("noSpaceTitle")} description={t("noSpaceBody")} />
  );
}
