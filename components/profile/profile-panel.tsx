"use client";

import { readErrorOf, ReadErrorPanel } from "@/components/read-error";
import { Skeleton } from "@/components/ui/skeleton";
import { ProfileForm } from "./profile-form";
import { useProfile } from "./queries";

/** The number's "Profile" tab: the business profile as CAMS holds it, editable by operators. */
export function ProfilePanel({ spaceId, phone, canWrite }: { spaceId: string; phone: string; canWrite: boolean }) {
  const q = useProfile(spaceId, phone);
  if (q.isPending) return <Skeleton className="h-96 w-full" />;
  if (q.isError) return <ReadErrorPanel error={readErrorOf(q.error)!} onRetry={() => q.refetch()} retrying={q.isFetching} />;
  // A new read (after a save or a retry) starts the form from CAMS's values.
  return <ProfileForm key={q.data.readAt} spaceId={spaceId} phone={phone} profile={q.data.profile} canWrite={canWrite} />;
}
