"use client";

import { CloudCog } from "lucide-react";
import { useTranslations } from "next-intl";
import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { useToastActionError } from "@/components/action-error";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { AccountDto, AccountTestResult } from "@/lib/schemas/accounts";
import { SettingsList } from "@/components/settings-list";
import { TableCell, TableRow } from "@/components/ui/table";
import { deleteAccountAction, testAccountConnectionAction } from "@/server/actions/accounts";
import { AccountDialog } from "@/components/accounts/account-dialog";

/** What "Test connection" found, counted over every linked space; the spaces CAMS refused by name. */
function useTestToast() {
  const t = useTranslations("spaceCheck.test");
  return (r: AccountTestResult) => {
    if (r.linkedSpaces === 0) return toast.success(t("noSpaces", { ms: r.ms, total: r.total }));
    const answered = r.spaces.filter((s) => s.count !== null).length;
    const failed = r.spaces.filter((s) => s.error);
    const title = t("ok", { ms: r.ms, total: r.total, answered, tested: r.spaces.length });
    const more = r.linkedSpaces > r.spaces.length ? t("notAll", { tested: r.spaces.length, linked: r.linkedSpaces }) : null;
    const description = (
      <div className="space-y-1" data-testid="connection-result">
        {more ? <p>{more}</p> : null}
        {failed.length ? <p>{t("refused")}</p> : null}
        <ul>
          {r.spaces.map((s) => (
            <li key={s.custSpaceId}>
              {s.error ? t("spaceFailed", { name: s.name, code: s.error.code }) : t("spaceCount", { name: s.name, count: s.count ?? 0 })}
            </li>
          ))}
        </ul>
      </div>
    );
    (failed.length ? toast.warning : toast.success)(title, { description, duration: failed.length ? 15_000 : 6_000 });
  };
}

function TestButton({ accountId }: { accountId: string }) {
  const t = useTranslations("accounts");
  const toastError = useToastActionError();
  const showResult = useTestToast();
  const test = useAction(testAccountConnectionAction, {
    onSuccess: ({ data }) => data && showResult(data),
    onError: ({ error }) => toastError(error.serverError, t("test")),
  });
  return (
    <Button variant="outline" size="sm" disabled={test.isPending} onClick={() => test.execute({ accountId })}>
      {test.isPending ? t("testing") : t("test")}
    </Button>
  );
}

export function AccountsTable({ accounts }: { accounts: AccountDto[] }) {
  const t = useTranslations("accounts");
  const tc = useTranslations("common");
  const router = useRouter();
  const toastError = useToastActionError();
  const del = useAction(deleteAccountAction, {
    onSuccess: () => {
      toast.success(t("deleted"));
      router.refresh();
    },
    onError: ({ error }) => toastError(error.serverError, tc("somethingWrong")),
  });
  return (
    <SettingsList
      id="accounts"
      title={t("title")}
      description={t("description")}
      add={<AccountDialog />}
      columns={[{ label: t("name") }, { label: t("accessKeyId") }, { label: t("accessKeySecret") }, { label: t("endpoint") }, { label: t("spaces"), align: "right" }]}
      actionsLabel={tc("actions")}
      empty={accounts.length === 0 ? { icon: <CloudCog />, title: t("empty"), description: t("emptyBody") } : null}
    >
      {accounts.map((a) => (
        <TableRow key={a.id} data-testid={`account-row-${a.name}`}>
          <TableCell className="font-medium">
            {a.name} {a.isSandbox ? <Badge variant="warning">{tc("sandbox")}</Badge> : null}
          </TableCell>
          <TableCell className="font-mono text-xs">{a.accessKeyId}</TableCell>
          <TableCell className="text-xs text-muted-foreground">
            <span aria-hidden="true">••••••••</span> {t("secretStored", { keyId: a.secretKeyId })}
          </TableCell>
          <TableCell className="font-mono text-xs">
            {a.protocol.toLowerCase()}://{a.endpoint}
          </TableCell>
          <TableCell className="text-right tabular-nums">{a.spaces}</TableCell>
          <TableCell className="space-x-2 whitespace-nowrap text-right">
            <TestButton accountId={a.id} />
            <AccountDialog account={a} />
            <ConfirmDialog
              trigger={
                <Button variant="outline" size="sm" aria-label={`${tc("delete")}: ${a.name}`}>
                  {tc("delete")}
                </Button>
              }
              title={t("deleteTitle", { name: a.name })}
              description={t("deleteBody")}
              confirmLabel={tc("delete")}
              destructive
              onConfirm={() => del.executeAsync({ accountId: a.id })}
            />
          </TableCell>
        </TableRow>
      ))}
    </SettingsList>
  );
}
