"use client";

import { useTranslations } from "next-intl";
import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { useToastActionError } from "@/components/action-error";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { TWO_FACTOR_POLICIES, type TwoFactorPolicy } from "@/lib/schemas/two-factor";
import { setTwoFactorPolicyAction } from "@/server/actions/two-factor";

/** Settings → Users: who must use two-factor sign-in. Saved (and audited) on change. */
export function TwoFactorPolicyForm({ policy }: { policy: TwoFactorPolicy }) {
  const t = useTranslations("twoFactor");
  const router = useRouter();
  const toastError = useToastActionError();
  const [value, setValue] = useState(policy);
  const save = useAction(setTwoFactorPolicyAction, {
    onSuccess: ({ data }) => {
      toast.success(t("policySaved"));
      if (data) setValue(data.policy);
      router.refresh();
    },
    onError: ({ error }) => {
      setValue(policy);
      toastError(error.serverError, t("policyFailed"));
    },
  });
  return (
    <div className="flex flex-wrap items-center gap-3 rounded-md border p-3" data-testid="two-factor-policy">
      <div className="min-w-56 flex-1">
        <Label htmlFor="two-factor-policy">{t("policyLabel")}</Label>
        <p className="text-sm text-muted-foreground">{t("policyHint")}</p>
      </div>
      <Select
        value={value}
        disabled={save.isPending}
        onValueChange={(v) => {
          setValue(v as TwoFactorPolicy);
          save.execute({ policy: v as TwoFactorPolicy });
        }}
      >
        <SelectTrigger id="two-factor-policy" className="w-56">
          <SelectValue />
        </SelectTrigger>
        <SelectContent>
          {TWO_FACTOR_POLICIES.map((p) => (
            <SelectItem key={p} value={p}>
              {t(`policy_${p}`)}
            </SelectItem>
          ))}
        </SelectContent>
      </Select>
    </div>
  );
}
