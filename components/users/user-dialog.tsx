"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useHookFormAction } from "@next-safe-action/adapter-react-hook-form/hooks";
import { useTranslations } from "next-intl";
import { RecordDialog, RecordForm } from "@/components/record-dialog";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { InputField } from "@/components/ui/input-field";
import { createUserSchema, updateUserSchema, type UserDto } from "@/lib/schemas/users";
import { createUserAction, updateUserAction } from "@/server/actions/users";
import { AssignmentsField } from "@/components/users/assignments-field";

type Spaces = { id: string; name: string }[];

function CreateUserForm({ spaces, onDone }: { spaces: Spaces; onDone: () => void }) {
  const t = useTranslations("users");
  const { form, action, handleSubmitWithAction } = useHookFormAction(createUserAction, zodResolver(createUserSchema), {
    formProps: { defaultValues: { name: "", email: "", password: "", isAdmin: false, assignments: [] } },
    actionProps: { onSuccess: onDone },
  });
  const isAdmin = form.watch("isAdmin");
  return (
    <RecordForm form={form} onSubmit={handleSubmitWithAction} pending={action.isPending} serverError={action.result.serverError} submitLabel={t("add")}>
      {(["name", "email", "password"] as const).map((name) => (
          <InputField
            key={name}
            control={form.control}
            name={name}
            label={t(name)}
            type={name === "password" ? "password" : name === "email" ? "email" : "text"}
            autoComplete={name === "password" ? "new-password" : "off"}
          />
        ))}
      <AdminAndAssignments form={form} spaces={spaces} isAdmin={isAdmin} />
    </RecordForm>
  );
}

function EditUserForm({ spaces, user, onDone }: { spaces: Spaces; user: UserDto; onDone: () => void }) {
  const t = useTranslations("common");
  const { form, action, handleSubmitWithAction } = useHookFormAction(updateUserAction, zodResolver(updateUserSchema), {
    formProps: { defaultValues: { userId: user.id, isAdmin: user.isAdmin, assignments: user.assignments } },
    actionProps: { onSuccess: onDone },
  });
  const isAdmin = form.watch("isAdmin");
  return (
    <RecordForm form={form} onSubmit={handleSubmitWithAction} pending={action.isPending} serverError={action.result.serverError} submitLabel={t("save")} editing>
      <AdminAndAssignments form={form} spaces={spaces} isAdmin={isAdmin} />
    </RecordForm>
  );
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function AdminAndAssignments({ form, spaces, isAdmin }: { form: any; spaces: Spaces; isAdmin: boolean }) {
  const t = useTranslations("users");
  return (
    <>
      <CheckboxField control={form.control} name="isAdmin" label={t("admin")} />
      {isAdmin ? null : (
        <FormField
          control={form.control}
          name="assignments"
          render={({ field }) => (
            <FormItem>
              <FormLabel asChild>
                <span>{t("assignments")}</span>
              </FormLabel>
              <FormDescription>{t("assignmentsHint")}</FormDescription>
              <AssignmentsField spaces={spaces} value={field.value} onChange={field.onChange} />
              <FormMessage />
            </FormItem>
          )}
        />
      )}
    </>
  );
}

export function UserDialog({ spaces, user }: { spaces: Spaces; user?: UserDto }) {
  const t = useTranslations("users");
  return (
    <RecordDialog
      edit={user ? { action: t("edit"), name: user.email } : undefined}
      addLabel={t("add")}
      description={t("assignmentsHint")}
      doneMessage={user ? t("updated") : t("created")}
      scroll
      form={(done) => (user ? <EditUserForm spaces={spaces} user={user} onDone={done} /> : <CreateUserForm spaces={spaces} onDone={done} />)}
    />
  );
}
