import { notFound } from "next/navigation";
import { OperationsView } from "@/components/operations/operations-view";
import { getSessionUser } from "@/server/auth/session";
import { operationsOverview } from "@/server/data/operations";

export const dynamic = "force-dynamic";

export default async function OperationsPage() {
  const me = await getSessionUser();
  if (!me?.isAdmin) notFound();
  return <OperationsView data={await operationsOverview()} />;
}
