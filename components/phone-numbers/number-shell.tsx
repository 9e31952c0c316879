"use client";

import { ArrowLeft } from "lucide-react";
import Link from "@/components/ui/link";
import { useTranslations } from "next-intl";
import { EnumBadge } from "@/components/phone-numbers/enum-badge";
import { NumberStateBanner } from "@/components/phone-numbers/number-state-banner";
import { PhoneNumberText } from "@/components/phone-numbers/phone-number-text";
import { usePhoneDetail } from "@/components/phone-numbers/queries";
import { ReadErrorPanel, readErrorOf } from "@/components/read-error";
import { Skeleton } from "@/components/ui/skeleton";
import { NumberTabs } from "@/components/phone-numbers/number-tabs";
import { RegistrationButtons } from "@/components/phone-numbers/registration-buttons";

export function NumberShell({ spaceId, phone, canWrite, children }: { spaceId: string; phone: string; canWrite: boolean; children: React.ReactNode }) {
  const t = useTranslations("phoneNumbers.number");
  const detail = usePhoneDetail(spaceId, phone);
  const n = detail.data;
  const error = readErrorOf(detail.error);

  return (
    <div className="space-y-6">
      <Link
        href={`/s/${spaceId}/phone-numbers`}
        className="inline-flex items-center gap-1 rounded text-sm text-muted-foreground hover:text-foreground focus-visible:outline-2 focus-visible:outline-ring"
      >
        <ArrowLeft className="size-4" aria-hidden="true" />
        {t("back")}
      </Link>
      <div className="flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0 space-y-2">
          <h1 className="text-2xl font-semibold tracking-tight">
            <PhoneNumberText phone={phone} inline />
          </h1>
          {n ? (
            <div className="flex flex-wrap items-center gap-2">
              <span className="text-muted-foreground">{n.verifiedName ?? "—"}</span>
              <EnumBadge kind="status" value={n.status} />
              <EnumBadge kind="verification" value={n.codeVerificationStatus} />
            </div>
          ) : !error ? (
            <Skeleton className="h-6 w-64" />
          ) : null}
        </div>
        {n && canWrite ? <RegistrationButtons spaceId={spaceId} number={n} /> : null}
      </div>
      {n ? <NumberStateBanner status={n.status} canWrite={canWrite} /> : null}
      {error && !n ? (
        <ReadErrorPanel error={error} onRetry={() => void detail.refetch()} retrying={detail.isFetching} />
      ) : (
        <>
          <NumberTabs base={`/s/${spaceId}/phone-numbers/${phone}`} />
          {children}
        </>
      )}
    </div>
  );
}
