import { HydrationBoundary } from "@tanstack/react-query";
import { notFound } from "next/navigation";
import { AutomationPanel } from "@/components/automation/automation-panel";
import { automationQuery } from "@/components/automation/queries";
import { fullPhoneField } from "@/lib/schemas/phone-numbers";
import { canWrite } from "@/server/auth/session";
import { getAutomation } from "@/server/data/automation";
import { pageSpaceAccess } from "@/server/data/phone-numbers";
import { isNumberOfSpace } from "@/server/inventory/membership";
import { getDb } from "@/server/db";
import { dehydrated, prefetch } from "@/server/query-client";

type Props = { params: Promise<{ space: string; phone: string }> };

/** First paint carries CAMS's settings; a failed read is left to the client, which explains it. */
export default async function AutomationTab({ params }: Props) {
  const { space, phone } = await params;
  if (!fullPhoneField.safeParse(phone).success) notFound();
  // The layout does not guard its pages: check here before reading anything.
  const { role } = await pageSpaceAccess(space);
  if (!(await isNumberOfSpace(getDb(), space, phone))) notFound();
  await prefetch(automationQuery(space, phone, () => getAutomation(space, phone)));
  return (
    <HydrationBoundary state={dehydrated()}>
      <AutomationPanel spaceId={space} phone={phone} canWrite={canWrite(role)} />
    </HydrationBoundary>
  );
}
