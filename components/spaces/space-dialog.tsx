"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useHookFormAction } from "@next-safe-action/adapter-react-hook-form/hooks";
import { useTranslations } from "next-intl";
import { ActionErrorAlert } from "@/components/action-error";
import { RecordDialog, RecordForm } from "@/components/record-dialog";
import { Button } from "@/components/ui/button";
import { FormControl, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { InputField } from "@/components/ui/input-field";
import type { ActionServerError } from "@/lib/action-error";
import { createSpaceSchema, updateSpaceSchema, type SpaceDto } from "@/lib/schemas/spaces";
import { createSpaceAction, updateSpaceAction } from "@/server/actions/spaces";
import { nativeSelectClass } from "@/components/ui/native-select";

type Accounts = { id: string; name: string }[];

function AccountSelect({ accounts, value, onChange, id }: { accounts: Accounts; value: string | null; onChange: (v: string | null) => void; id?: string }) {
  const t = useTranslations("spaces");
  return (
    <select
      id={id}
      className={`${nativeSelectClass} w-full`}
      value={value ?? ""}
      onChange={(e) => onChange(e.target.value || null)}
    >
      <option value="">{t("noAccount")}</option>
      {accounts.map((a) => (
        <option key={a.id} value={a.id}>
          {a.name}
        </option>
      ))}
    </select>
  );
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function SpaceFields({ form, accounts }: { form: any; accounts: Accounts }) {
  const t = useTranslations("spaces");
  return (
    <>
      <InputField control={form.control} name="name" label={t("name")} autoComplete="off" />
      <InputField control={form.control} name="custSpaceId" label={t("custSpaceId")} description={[t("custSpaceIdHint")]} autoComplete="off" className="font-mono" />
      <FormField
        control={form.control}
        name="accountId"
        render={({ field }) => (
          <FormItem>
            <FormLabel>{t("account")}</FormLabel>
            <FormControl>
              <AccountSelect accounts={accounts} value={field.value} onChange={field.onChange} />
            </FormControl>
            <FormMessage />
          </FormItem>
        )}
      />
    </>
  );
}

/**
 * CAMS refused the CustSpaceId through the account (the save-time check): its explained answer,
 * and "Save anyway" while the form still holds the values that were checked.
 */
function CheckFailed({ form, action }: {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  form: any;
  action: {
    result: { serverError?: ActionServerError };
    input?: { custSpaceId?: string; accountId?: string | null };
    isPending: boolean;
    execute: (input: never) => void;
  };
}) {
  const t = useTranslations("spaceCheck");
  const [custSpaceId, accountId] = form.watch(["custSpaceId", "accountId"]) as [string, string | null];
  const error = action.result.serverError;
  if (!error) return null;
  const checked = action.input;
  const sameValues = !!checked && checked.custSpaceId?.trim() === custSpaceId.trim() && checked.accountId === accountId;
  if (!error.code || !sameValues) return <ActionErrorAlert error={error} />;
  return (
    <div className="space-y-2" data-testid="space-check-failed">
      <p className="text-sm font-medium">{t("failed", { custSpaceId: custSpaceId.trim() })}</p>
      <ActionErrorAlert error={error} />
      <p className="text-sm text-muted-foreground">{t("failedHint")}</p>
      <Button type="button" variant="outline" size="sm" disabled={action.isPending} onClick={() => action.execute({ ...form.getValues(), force: true } as never)}>
        {t("saveAnyway")}
      </Button>
    </div>
  );
}

function CreateForm({ accounts, onDone }: { accounts: Accounts; onDone: () => void }) {
  const t = useTranslations("spaces");
  const { form, action, handleSubmitWithAction } = useHookFormAction(createSpaceAction, zodResolver(createSpaceSchema), {
    formProps: { defaultValues: { name: "", custSpaceId: "", accountId: accounts[0]?.id ?? null } },
    actionProps: { onSuccess: onDone },
  });
  return (
    <RecordForm form={form} onSubmit={handleSubmitWithAction} pending={action.isPending} submitLabel={t("add")}>
      <CheckFailed form={form} action={action} />
      <SpaceFields form={form} accounts={accounts} />
    </RecordForm>
  );
}

function EditForm({ accounts, space, onDone }: { accounts: Accounts; space: SpaceDto; onDone: () => void }) {
  const tc = useTranslations("common");
  const { form, action, handleSubmitWithAction } = useHookFormAction(updateSpaceAction, zodResolver(updateSpaceSchema), {
    formProps: { defaultValues: { spaceId: space.id, name: space.name, custSpaceId: space.custSpaceId, accountId: space.accountId } },
    actionProps: { onSuccess: onDone },
  });
  return (
    <RecordForm form={form} onSubmit={handleSubmitWithAction} pending={action.isPending} submitLabel={tc("save")} editing>
      <CheckFailed form={form} action={action} />
      <SpaceFields form={form} accounts={accounts} />
    </RecordForm>
  );
}

export function SpaceDialog({ accounts, space }: { accounts: Accounts; space?: SpaceDto }) {
  const t = useTranslations("spaces");
  return (
    <RecordDialog
      edit={space ? { action: t("rename"), name: space.name } : undefined}
      addLabel={t("add")}
      description={t("description")}
      doneMessage={space ? t("updated") : t("created")}
      form={(done) => (space ? <EditForm accounts={accounts} space={space} onDone={done} /> : <CreateForm accounts={accounts} onDone={done} />)}
    />
  );
}
