"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useQueryClient } from "@tanstack/react-query";
import { useHookFormAction } from "@next-safe-action/adapter-react-hook-form/hooks";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { SettingsFormCard } from "@/components/settings-form-card";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { UnsavedChangesGuard } from "@/components/webhooks/unsaved-changes-guard";
import { profileKeys } from "@/lib/query-keys";
import {
  PROFILE_LIMITS,
  profileDiff,
  updateProfileSchema,
  type ProfileField,
  type ProfileView,
  type UpdateProfileInput,
} from "@/lib/schemas/profile";
import { updateProfileAction } from "@/server/actions/profile";
import { PictureField } from "./picture-field";
import { CountedField, VerticalField, WebsiteFields } from "./profile-fields";

const valuesOf = (spaceId: string, phone: string, p: ProfileView): UpdateProfileInput => ({
  spaceId,
  phoneNumber: phone,
  about: p.about,
  address: p.address,
  description: p.description,
  email: p.email,
  vertical: p.vertical as UpdateProfileInput["vertical"],
  websites: Array.from({ length: PROFILE_LIMITS.websites }, (_, i) => p.websites[i] ?? ""),
  profilePictureUrl: p.profilePictureUrl,
});

type Diff = ReturnType<typeof profileDiff>;

function Shown({ value }: { value: string | string[] }) {
  const t = useTranslations("profile.diff");
  const list = Array.isArray(value) ? value : [value];
  if (!list.filter(Boolean).length) return <span className="text-muted-foreground italic">{t("empty")}</span>;
  return <span className="break-all whitespace-pre-wrap">{list.join("\n")}</span>;
}

/** Old → new of every field that changes, before anything is sent. */
function DiffList({ diff }: { diff: Diff }) {
  const t = useTranslations("profile");
  const label = (f: ProfileField, v: string | string[]) => (f === "vertical" && typeof v === "string" && v && t.has(`vertical.${v}`) ? t(`vertical.${v}`) : v);
  return (
    <dl className="max-h-80 space-y-3 overflow-y-auto text-sm" data-testid="profile-diff">
      {diff.map((d) => (
        <div key={d.field} className="rounded-md border p-2" data-field={d.field}>
          <dt className="font-medium">{t(`form.fields.${d.field}`)}</dt>
          <dd className="grid gap-1 sm:grid-cols-[auto_1fr]">
            <span className="text-muted-foreground">{t("diff.from")}</span>
            <span data-testid="diff-from">
              <Shown value={label(d.field, d.from)} />
            </span>
            <span className="text-muted-foreground">{t("diff.to")}</span>
            <span data-testid="diff-to">
              <Shown value={label(d.field, d.to)} />
            </span>
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** The number's public profile; Save shows the diff, sends ModifyPhoneBusinessProfile, then shows what CAMS holds. */
export function ProfileForm({ spaceId, phone, profile, canWrite }: { spaceId: string; phone: string; profile: ProfileView; canWrite: boolean }) {
  const t = useTranslations("profile.form");
  const qc = useQueryClient();
  const [diff, setDiff] = useState<Diff | null>(null);
  const hookForm = useHookFormAction(updateProfileAction, zodResolver(updateProfileSchema), {
    formProps: { defaultValues: valuesOf(spaceId, phone, profile) },
    actionProps: {
      onSuccess: ({ data }) => {
        if (!data) return;
        if (data.now) {
          qc.setQueryData(profileKeys.detail(spaceId, phone), { profile: data.now, readAt: data.readAt });
          form.reset(valuesOf(spaceId, phone, data.now));
        }
        if (data.readError) toast.warning(t("readBackFailed"));
        else if (!data.changed.length) toast.info(t("nothingChanged"));
        else toast.success(t("saved"));
      },
    },
  });
  const { form, action } = hookForm;
  const readOnly = !canWrite;

  const review = form.handleSubmit((values) => {
    const d = profileDiff(profile, { ...values, websites: values.websites });
    if (!d.length) return void toast.info(t("nothingChanged"));
    setDiff(d);
  });

  return (
    <SettingsFormCard
      t={t}
      hookForm={hookForm}
      canWrite={canWrite}
      onSubmit={review}
      save={t("review")}
      after={
        <>
          <ConfirmDialog
            open={diff !== null}
            onOpenChange={(open) => !open && setDiff(null)}
            title={t("confirmTitle")}
            description={t("confirmDescription", { count: diff?.length ?? 0 })}
            confirmLabel={t("save")}
            onConfirm={async () => {
              await action.executeAsync(form.getValues());
            }}
          >
            {diff ? <DiffList diff={diff} /> : null}
          </ConfirmDialog>
          <UnsavedChangesGuard dirty={canWrite && form.formState.isDirty} />
        </>
      }
    >
      <PictureField control={form.control} spaceId={spaceId} phone={phone} readOnly={readOnly} />
      <CountedField control={form.control} name="about" readOnly={readOnly} />
      <CountedField control={form.control} name="description" multiline readOnly={readOnly} />
      <VerticalField control={form.control} current={profile.vertical} readOnly={readOnly} />
      <CountedField control={form.control} name="address" multiline readOnly={readOnly} />
      <CountedField control={form.control} name="email" readOnly={readOnly} />
      <WebsiteFields control={form.control} readOnly={readOnly} />
    </SettingsFormCard>
  );
}
