"use client";

import { useTranslations } from "next-intl";
import { FormBesideSkeleton } from "@/components/form-beside-skeleton";
import { ReadErrorPanel, readErrorOf } from "@/components/read-error";
import { usePhoneDetail } from "@/components/phone-numbers/queries";
import { AutomationForm } from "./automation-form";
import { useAutomation, useStoreReadBack } from "./queries";

/** The number's Automation tab: the form and a preview of the chat. */
export function AutomationPanel({ spaceId, phone, canWrite }: { spaceId: string; phone: string; canWrite: boolean }) {
  const t = useTranslations("automation");
  const query = useAutomation(spaceId, phone);
  const number = usePhoneDetail(spaceId, phone);
  const store = useStoreReadBack();
  if (query.error && !query.data) {
    const error = readErrorOf(query.error);
    if (error) return <ReadErrorPanel error={error} onRetry={() => void query.refetch()} retrying={query.isFetching} />;
  }
  if (!query.data) return <FormBesideSkeleton label={t("loading")} />;
  return (
    <AutomationForm
      key={query.dataUpdatedAt}
      spaceId={spaceId}
      data={query.data}
      businessName={number.data?.verifiedName ?? null}
      canWrite={canWrite}
      onSaved={(now) => void store(spaceId, phone, now)}
    />
  );
}
