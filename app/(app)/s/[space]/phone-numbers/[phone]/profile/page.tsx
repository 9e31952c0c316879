import { HydrationBoundary } from "@tanstack/react-query";
import { notFound } from "next/navigation";
import { ProfilePanel } from "@/components/profile/profile-panel";
import { profileQuery } from "@/components/profile/queries";
import { fullPhoneField } from "@/lib/schemas/phone-numbers";
import { canWrite } from "@/server/auth/session";
import { pageSpaceAccess } from "@/server/data/phone-numbers";
import { getProfile } from "@/server/data/profile";
import { getDb } from "@/server/db";
import { isNumberOfSpace } from "@/server/inventory/membership";
import { dehydrated, prefetch } from "@/server/query-client";

/** The number's "Profile" tab: its WhatsApp business profile, read from CAMS when opened. */
export default async function NumberProfilePage({ params }: { params: Promise<{ space: string; phone: string }> }) {
  const { space, phone } = await params;
  if (space === "all" || !fullPhoneField.safeParse(phone).success) notFound();
  const { role } = await pageSpaceAccess(space);
  if (!(await isNumberOfSpace(getDb(), space, phone))) notFound();
  // A failed read is not dehydrated: the panel's own fetch then shows the explained error with a retry.
  await prefetch(profileQuery(space, phone, () => getProfile(space, phone)));
  return (
    <HydrationBoundary state={dehydrated()}>
      <ProfilePanel spaceId={space} phone={phone} canWrite={canWrite(role)} />
    </HydrationBoundary>
  );
}
