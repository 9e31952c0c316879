import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { FileClock } from "lucide-react";
import { AuditFilters } from "@/components/audit/audit-filters";
import { AuditTable } from "@/components/audit/audit-table";
import { keysetHrefs } from "@/components/keyset-pager";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { auditFilterSchema } from "@/lib/schemas/audit";
import { accessibleSpaces, getSessionUser } from "@/server/auth/session";
import { auditOperations, auditScope, listAuditEvents } from "@/server/data/audit";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("audit") };
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in");
  const t = await getTranslations("audit");
  const scope = await auditScope(user);
  if (scope !== "all" && scope.length === 0) {
    return (
      <div className="space-y-6">
        <PageHeader title={t("title")} description={t("description")} />
        <EmptyState icon={<FileClock />} title={t("noAccessTitle")} description={t("noAccessBody")} />
      </div>
    );
  }
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const filter = auditFilterSchema.parse(raw);
  const [{ events, nextBefore }, operations, spaces] = await Promise.all([
    listAuditEvents(scope, filter),
    auditOperations(scope),
    accessibleSpaces(user),
  ]);
  const visibleSpaces = spaces.filter((s) => scope === "all" || scope.includes(s.id)).map((s) => ({ id: s.id, name: s.name }));
  const query = new URLSearchParams(Object.entries(filter).filter(([k, v]) => v !== undefined && k !== "before") as [string, string][]);
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("description")} />
      <AuditFilters operations={operations} spaces={visibleSpaces} exportHref={`/api/audit/export?${query.toString()}`} />
      <AuditTable events={events} {...keysetHrefs("/audit", query, filter.before, nextBefore)} />
    </div>
  );
}
