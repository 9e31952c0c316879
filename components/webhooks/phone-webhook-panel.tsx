"use client";

import { SearchX } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { FormBesideSkeleton } from "@/components/form-beside-skeleton";
import { EmptyState } from "@/components/ui/empty-state";
import { HttpError } from "@/lib/query-client";
import type { WebhookRow } from "@/lib/schemas/webhooks";
import { HeldValues, type SaveReceipt } from "./held-values";
import { PhoneWebhookForm } from "./phone-webhook-form";
import { useInvalidateAfterSave, usePhoneWebhook } from "./queries";
import { ReadErrorPanel, readErrorOf } from "@/components/read-error";

/** The number's Webhook tab: the form beside what CAMS holds, and the test delivery. */
export function PhoneWebhookPanel({ spaceId, phone, canWrite }: { spaceId: string; phone: string; canWrite: boolean }) {
  const t = useTranslations("webhooks");
  const query = usePhoneWebhook(spaceId, phone);
  const invalidate = useInvalidateAfterSave();
  const [receipt, setReceipt] = useState<SaveReceipt | null>(null);

  if (query.error && !query.data) {
    if (query.error instanceof HttpError && query.error.status === 404) {
      return <EmptyState icon={<SearchX />} title={t("notFoundTitle")} description={t("notFoundBody")} />;
    }
    const error = readErrorOf(query.error);
    if (error) return <ReadErrorPanel error={error} onRetry={() => void query.refetch()} retrying={query.isFetching} />;
  }
  if (!query.data) return <FormBesideSkeleton label={t("loading")} />;
  const onSaved = (r: SaveReceipt, now: WebhookRow | null) => {
    setReceipt(r);
    void invalidate(spaceId, phone, now);
  };
  return (
    <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
      {/* Keyed on the read: a refetch that brings other values starts the form from them. */}
      <PhoneWebhookForm key={query.dataUpdatedAt} spaceId={spaceId} row={query.data} canWrite={canWrite} onSaved={onSaved} />
      <HeldValues row={query.data} receipt={receipt} fetchedAt={query.dataUpdatedAt} />
    </div>
  );
}
