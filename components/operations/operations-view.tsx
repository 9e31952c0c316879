import { Activity } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { TitledSection } from "@/components/ui/titled-section";
import { LANES, type OperationRowDto, type OperationsDto } from "@/lib/schemas/operations";

/** A right-aligned header of a column of figures. */
const NumHead = ({ children }: { children: React.ReactNode }) => <TableHead className="text-right">{children}</TableHead>;

/** A titled section of the page, with its empty state when there is nothing to show. */
function Section({ empty, children, ...props }: { id: string; title: string; description: string; empty: React.ReactNode | null; children: React.ReactNode }) {
  return (
    <TitledSection className="space-y-3" {...props}>
      {empty ?? children}
    </TitledSection>
  );
}

/** A table of rows per account: the account's column first, then `head`'s. */
function AccountTable({ head, children }: { head: React.ReactNode; children: React.ReactNode }) {
  const t = useTranslations("operations");
  return (
    <div className="overflow-x-auto rounded-md border">
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>{t("account")}</TableHead>
            {head}
          </TableRow>
        </TableHeader>
        <TableBody>{children}</TableBody>
      </Table>
    </div>
  );
}

/** Share of a minute's budget (qps × window) that a lane used. */
const share = (calls: number, row: OperationRowDto, windowSeconds: number) => (row.qps ? calls / (row.qps * windowSeconds) : 0);

function BudgetTable({ data }: { data: OperationsDto }) {
  const t = useTranslations("operations");
  const format = useFormatter();
  const pct = (v: number) => format.number(v, { style: "percent", maximumFractionDigits: 1 });
  return (
    <AccountTable
      head={
        <>
          <TableHead>{t("operation")}</TableHead>
          {LANES.map((lane) => (
            <NumHead key={lane}>{t(`lanes.${lane}`)}</NumHead>
          ))}
          <NumHead>{t("meanWait")}</NumHead>
          <NumHead>{t("limitControl")}</NumHead>
          <NumHead>{t("failures")}</NumHead>
        </>
      }
    >
      {data.operations.map((r) => (
        <TableRow key={`${r.accountId}-${r.operation}`} data-testid={`ops-row-${r.accountName}-${r.operation}`}>
          <TableCell className="font-medium">{r.accountName}</TableCell>
          <TableCell className="font-mono text-xs">
            {r.operation} <span className="text-muted-foreground">{t("qps", { qps: r.qps })}</span>
          </TableCell>
          {LANES.map((lane) => (
            <TableCell key={lane} className="text-right tabular-nums" data-testid={`ops-${lane}`}>
              <div>{pct(share(r.lastMinute[lane], r, data.windowSeconds))}</div>
              <div className="text-xs text-muted-foreground">{t("callsSince", { count: r.calls[lane] })}</div>
            </TableCell>
          ))}
          <TableCell className="text-right tabular-nums">{r.meanWaitMs === null ? "—" : t("ms", { ms: r.meanWaitMs })}</TableCell>
          <TableCell className="text-right tabular-nums">{r.limitControl}</TableCell>
          <TableCell className="text-right tabular-nums">{r.failures}</TableCell>
        </TableRow>
      ))}
    </AccountTable>
  );
}

function SyncTable({ data }: { data: OperationsDto }) {
  const t = useTranslations("operations");
  const age = (s: number) => (s >= 120 ? t("minutes", { n: Math.round(s / 60) }) : t("seconds", { n: Math.round(s) }));
  return (
    <AccountTable
      head={
        <>
          <NumHead>{t("spaces")}</NumHead>
          <NumHead>{t("syncLag")}</NumHead>
          <NumHead>{t("unsynced")}</NumHead>
          <NumHead>{t("failingSyncs")}</NumHead>
        </>
      }
    >
      {data.sync.map((a) => (
        <TableRow key={a.accountId} data-testid={`sync-row-${a.accountName}`}>
          <TableCell className="font-medium">{a.accountName}</TableCell>
          <TableCell className="text-right tabular-nums">{a.spaces}</TableCell>
          <TableCell className="text-right tabular-nums" data-testid="sync-lag">
            {a.maxLagSeconds === null ? "—" : age(a.maxLagSeconds)}
          </TableCell>
          <TableCell className="text-right tabular-nums">{a.unsynced}</TableCell>
          <TableCell className="text-right tabular-nums">
            {a.failing ? <Badge variant="destructive">{a.failing}</Badge> : 0}
          </TableCell>
        </TableRow>
      ))}
    </AccountTable>
  );
}

/** Settings → Operations: the CAMS budget by lane, per account and operation, and the inventory's freshness. */
export function OperationsView({ data }: { data: OperationsDto }) {
  const t = useTranslations("operations");
  const format = useFormatter();
  const since = format.dateTime(new Date(data.since), { dateStyle: "medium", timeStyle: "medium" });
  return (
    <div className="space-y-8">
      <Section
        id="ops-budget"
        title={t("budgetTitle")}
        description={t("budgetDescription", { window: data.windowSeconds, since })}
        empty={data.operations.length ? null : <EmptyState icon={<Activity />} title={t("noCalls")} description={t("noCallsBody", { since })} titleAs="h3" />}
      >
        <BudgetTable data={data} />
      </Section>
      <Section
        id="ops-sync"
        title={t("syncTitle")}
        description={t("syncDescription")}
        empty={data.sync.length ? null : <EmptyState icon={<Activity />} title={t("noSpaces")} description={t("noSpacesBody")} titleAs="h3" />}
      >
        <SyncTable data={data} />
        {data.failingSyncs.length ? (
          <ul className="mt-3 space-y-1 text-sm" aria-label={t("failingList")}>
            {data.failingSyncs.map((f) => (
              <li key={f.spaceId}>{t("failingItem", { space: f.spaceName, account: f.accountName, code: f.errorCode ?? "—" })}</li>
            ))}
          </ul>
        ) : null}
      </Section>
    </div>
  );
}
