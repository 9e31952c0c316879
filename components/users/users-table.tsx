"use client";

import { useTranslations } from "next-intl";
import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { SettingsList } from "@/components/settings-list";
import { TableCell, TableRow } from "@/components/ui/table";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { useToastActionError } from "@/components/action-error";
import type { UserDto } from "@/lib/schemas/users";
import { setUserDisabledAction, unlockSignInAction } from "@/server/actions/users";
import { ResetPasswordDialog } from "@/components/users/reset-password-dialog";
import { UserDialog } from "@/components/users/user-dialog";
import { ResetTwoFactorButton } from "@/components/two-factor/reset-button";

export function UsersTable({ users, spaces, meId }: { users: UserDto[]; spaces: { id: string; name: string }[]; meId: string }) {
  const t = useTranslations("users");
  const router = useRouter();
  const toastError = useToastActionError();
  const setDisabled = useAction(setUserDisabledAction, {
    onSuccess: ({ input }) => {
      toast.success(input.disabled ? t("disabledToast") : t("enabledToast"));
      router.refresh();
    },
    onError: ({ error }) => toastError(error.serverError, t("empty")),
  });
  const unlock = useAction(unlockSignInAction, {
    onSuccess: () => {
      toast.success(t("unlockedToast"));
      router.refresh();
    },
    onError: ({ error }) => toastError(error.serverError, t("empty")),
  });
  const spaceName = new Map(spaces.map((s) => [s.id, s.name]));
  return (
    <SettingsList
      id="users"
      title={t("title")}
      description={t("description")}
      add={<UserDialog spaces={spaces} />}
      columns={[{ label: t("name") }, { label: t("email") }, { label: t("role") }, { label: t("spaces") }, { label: t("status") }]}
      actionsLabel={t("edit")}
    >
      {users.map((u) => (
        <TableRow key={u.id} data-testid={`user-row-${u.email}`}>
          <TableCell className="font-medium">
            {u.name} {u.id === meId ? <span className="text-muted-foreground">({t("you")})</span> : null}
          </TableCell>
          <TableCell>{u.email}</TableCell>
          <TableCell>{u.isAdmin ? <Badge>{t("adminShort")}</Badge> : null}</TableCell>
          <TableCell className="max-w-72">
            {u.isAdmin ? null : u.assignments.length === 0 ? (
              <span className="text-muted-foreground">{t("noAccess")}</span>
            ) : (
              <ul className="flex flex-wrap gap-1">
                {u.assignments.map((a) => (
                  <li key={a.spaceId}>
                    <Badge variant="outline">
                      {spaceName.get(a.spaceId) ?? a.spaceId} · {a.role === "operator" ? t("roleOperator") : t("roleViewer")}
                    </Badge>
                  </li>
                ))}
              </ul>
            )}
          </TableCell>
          <TableCell>
            {u.disabled ? <Badge variant="destructive">{t("disabled")}</Badge> : <Badge variant="success">{t("active")}</Badge>}
            {u.twoFactorEnabled ? (
              <Badge variant="outline" className="ml-1" data-testid="two-factor-on">
                {t("twoFactorOn")}
              </Badge>
            ) : null}
            {u.signInDelayed ? (
              <Badge variant="outline" className="ml-1" data-testid="sign-in-delayed">
                {t("signInDelayed")}
              </Badge>
            ) : null}
          </TableCell>
          <TableCell className="space-x-2 whitespace-nowrap text-right">
            {u.signInDelayed ? (
              <Button variant="outline" size="sm" aria-label={`${t("unlockSignIn")}: ${u.email}`} onClick={() => unlock.execute({ userId: u.id })}>
                {t("unlockSignIn")}
              </Button>
            ) : null}
            <UserDialog spaces={spaces} user={u} />
            {u.id === meId ? null : <ResetPasswordDialog userId={u.id} email={u.email} />}
            {u.id !== meId && u.twoFactorEnabled ? <ResetTwoFactorButton userId={u.id} email={u.email} /> : null}
            {u.id === meId ? null : u.disabled ? (
              <Button variant="outline" size="sm" onClick={() => setDisabled.execute({ userId: u.id, disabled: false })}>
                {t("enable")}
              </Button>
            ) : (
              <ConfirmDialog
                trigger={
                  <Button variant="outline" size="sm">
                    {t("disable")}
                  </Button>
                }
                title={t("disableConfirmTitle", { email: u.email })}
                description={t("disableConfirmBody")}
                confirmLabel={t("disable")}
                destructive
                onConfirm={() => setDisabled.executeAsync({ userId: u.id, disabled: true })}
              />
            )}
          </TableCell>
        </TableRow>
      ))}
    </SettingsList>
  );
}
