"use client";

import { useTranslations } from "next-intl";
import { EnumBadge, useEnumLabel } from "@/components/phone-numbers/enum-badge";
import { FieldHelp } from "@/components/phone-numbers/field-help";
import { PhoneNumberText } from "@/components/phone-numbers/phone-number-text";
import { usePhoneDetail } from "@/components/phone-numbers/queries";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import type { PhoneNumberDetail } from "@/lib/schemas/phone-numbers";
import { MetricsCard } from "@/components/phone-numbers/metrics-card";
import { VerifyPanel } from "@/components/phone-numbers/verify-panel";
import { HealthPanel } from "@/components/profile/health-panel";

type FieldKey = "phoneNumber" | "verifiedName" | "status" | "qualityRating" | "messagingLimitTier" | "nameStatus" | "newNameStatus" | "codeVerificationStatus" | "metaId" | "statusCallbackUrl" | "upCallbackUrl" | "statusQueue" | "upQueue";

function Value({ k, n }: { k: FieldKey; n: PhoneNumberDetail }) {
  const label = useEnumLabel();
  const tc = useTranslations("common");
  switch (k) {
    case "phoneNumber":
      return (
        <span className="flex items-center gap-2">
          <PhoneNumberText phone={n.phoneNumber} />
          <CopyButton text={n.phoneNumber} label={tc("copy")} copiedLabel={tc("copied")} variant="ghost" size="icon" />
        </span>
      );
    case "status":
      return <EnumBadge kind="status" value={n.status} />;
    case "qualityRating":
      return <EnumBadge kind="quality" value={n.qualityRating} />;
    case "messagingLimitTier":
      return n.messagingLimitTier ? <span>{label("tier", n.messagingLimitTier)} <span className="font-mono text-xs text-muted-foreground">{n.messagingLimitTier}</span></span> : <>—</>;
    case "nameStatus":
    case "newNameStatus":
      return <EnumBadge kind="nameStatus" value={n[k]} />;
    case "codeVerificationStatus":
      return <EnumBadge kind="verification" value={n.codeVerificationStatus} />;
    case "verifiedName":
      return <span className="break-words">{n.verifiedName ?? "—"}</span>;
    default:
      return n[k] ? <span className="font-mono text-sm break-all">{n[k]}</span> : <span className="text-muted-foreground">—</span>;
  }
}

const FIELDS: FieldKey[] = ["phoneNumber", "verifiedName", "status", "qualityRating", "messagingLimitTier", "nameStatus", "newNameStatus", "codeVerificationStatus", "metaId", "statusCallbackUrl", "upCallbackUrl", "statusQueue", "upQueue"];

export function Overview({ spaceId, phone, canWrite, sandbox, startVerify }: { spaceId: string; phone: string; canWrite: boolean; sandbox: boolean; startVerify: boolean }) {
  const t = useTranslations("phoneNumbers.fields");
  const th = useTranslations("phoneNumbers.help");
  const to = useTranslations("phoneNumbers.overview");
  const { data: n } = usePhoneDetail(spaceId, phone);
  if (!n) return null;
  const verified = n.codeVerificationStatus === "VERIFIED";
  return (
    <div className="space-y-6">
      {canWrite && !verified ? <VerifyPanel spaceId={spaceId} phone={phone} sandbox={sandbox} autoFocus={startVerify} /> : null}
      <Card>
        <CardHeader>
          <CardTitle asHeading="h2">{to("details")}</CardTitle>
        </CardHeader>
        <CardContent>
          <dl className="grid gap-x-6 gap-y-4 sm:grid-cols-2 xl:grid-cols-3">
            {FIELDS.map((k) => (
              <div key={k} className="min-w-0 space-y-1" data-testid={`field-${k}`}>
                <dt className="flex items-center gap-1 text-sm text-muted-foreground">
                  {t(k)}
                  {th.has(k) ? <FieldHelp label={to("helpAbout", { field: t(k) })}>{th(k)}</FieldHelp> : null}
                </dt>
                <dd>
                  <Value k={k} n={n} />
                </dd>
              </div>
            ))}
          </dl>
        </CardContent>
      </Card>
      {verified ? <HealthPanel spaceId={spaceId} phone={phone} /> : null}
      <MetricsCard spaceId={spaceId} phone={phone} />
    </div>
  );
}
