"use client";

import { Users } from "lucide-react";
import Link from "@/components/ui/link";
import { useTranslations } from "next-intl";
import { readErrorOf, ReadErrorPanel } from "@/components/read-error";
import { Skeleton } from "@/components/ui/skeleton";
import { ProfileForm } from "./profile-form";
import { useProfile } from "./queries";

/** The number's "Profile" tab: the business profile as CAMS holds it, editable by operators. */
export function ProfilePanel({ spaceId, phone, canWrite }: { spaceId: string; phone: string; canWrite: boolean }) {
  const t = useTranslations("profile.form");
  const q = useProfile(spaceId, phone);
  if (q.isPending) return <Skeleton className="h-96 w-full" />;
  if (q.isError) return <ReadErrorPanel error={readErrorOf(q.error)!} onRetry={() => q.refetch()} retrying={q.isFetching} />;
  // A new read (after a save or a retry) starts the form from CAMS's values.
  return (
    <div className="space-y-3">
      <ProfileForm key={q.data.readAt} spaceId={spaceId} phone={phone} profile={q.data.profile} canWrite={canWrite} />
      {canWrite ? (
        <p className="text-sm">
          {/* The wizard starts with this space's numbers chosen; other spaces can be added there. */}
          <Link href={`/bulk/new?kind=profile&spaces=${encodeURIComponent(spaceId)}`} className="inline-flex items-center gap-1.5 text-primary underline-offset-4 hover:underline">
            <Users className="size-4" aria-hidden="true" />
            {t("bulkLink")}
          </Link>
        </p>
      ) : null}
    </div>
  );
}
