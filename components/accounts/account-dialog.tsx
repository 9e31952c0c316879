"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useHookFormAction } from "@next-safe-action/adapter-react-hook-form/hooks";
import { useTranslations } from "next-intl";
import { RecordDialog, RecordForm } from "@/components/record-dialog";
import { FormControl, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { InputField } from "@/components/ui/input-field";
import { CAMS_DEFAULT_ENDPOINT } from "@/lib/cams/operations";
import { createAccountSchema, updateAccountSchema, type AccountDto } from "@/lib/schemas/accounts";
import { createAccountAction, updateAccountAction } from "@/server/actions/accounts";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function Fields({ form, editing }: { form: any; editing: boolean }) {
  const t = useTranslations("accounts");
  const text = (name: "name" | "accessKeyId" | "endpoint", hint?: string) => (
    <InputField control={form.control} name={name} label={t(name)} description={[hint]} autoComplete="off" spellCheck={false} />
  );
  return (
    <>
      {text("name")}
      {text("accessKeyId")}
      <InputField
        control={form.control}
        name="accessKeySecret"
        label={t("accessKeySecret")}
        description={[editing ? t("secretKeep") : null]}
        type="password"
        autoComplete="new-password"
        spellCheck={false}
        placeholder={editing ? "••••••••" : undefined}
      />
      {text("endpoint", t("endpointHint"))}
      <FormField
        control={form.control}
        name="protocol"
        render={({ field }) => (
          <FormItem>
            <FormLabel>{t("protocol")}</FormLabel>
            <FormControl>
              <select className="h-9 w-full rounded-md border bg-background px-3 text-sm" {...field}>
                <option value="HTTPS">HTTPS</option>
                <option value="HTTP">HTTP</option>
              </select>
            </FormControl>
            <FormMessage />
          </FormItem>
        )}
      />
    </>
  );
}

function CreateForm({ onDone }: { onDone: () => void }) {
  const t = useTranslations("accounts");
  const { form, action, handleSubmitWithAction } = useHookFormAction(createAccountAction, zodResolver(createAccountSchema), {
    formProps: { defaultValues: { name: "", accessKeyId: "", accessKeySecret: "", endpoint: CAMS_DEFAULT_ENDPOINT, protocol: "HTTPS" } },
    actionProps: { onSuccess: onDone },
  });
  return (
    <RecordForm form={form} onSubmit={handleSubmitWithAction} pending={action.isPending} serverError={action.result.serverError} submitLabel={t("add")}>
      <Fields form={form} editing={false} />
    </RecordForm>
  );
}

function EditForm({ account, onDone }: { account: AccountDto; onDone: () => void }) {
  const tc = useTranslations("common");
  const { form, action, handleSubmitWithAction } = useHookFormAction(updateAccountAction, zodResolver(updateAccountSchema), {
    formProps: {
      defaultValues: {
        accountId: account.id,
        name: account.name,
        accessKeyId: account.accessKeyId,
        accessKeySecret: "",
        endpoint: account.endpoint,
        protocol: account.protocol,
      },
    },
    actionProps: { onSuccess: onDone },
  });
  return (
    <RecordForm form={form} onSubmit={handleSubmitWithAction} pending={action.isPending} serverError={action.result.serverError} submitLabel={tc("save")} editing>
      <Fields form={form} editing />
    </RecordForm>
  );
}

export function AccountDialog({ account }: { account?: AccountDto }) {
  const t = useTranslations("accounts");
  const tc = useTranslations("common");
  return (
    <RecordDialog
      edit={account ? { action: tc("edit"), name: account.name } : undefined}
      addLabel={t("add")}
      description={t("description")}
      doneMessage={t("created")}
      scroll
      form={(done) => (account ? <EditForm account={account} onDone={done} /> : <CreateForm onDone={done} />)}
    />
  );
}
