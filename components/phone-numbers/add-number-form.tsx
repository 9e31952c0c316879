"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useHookFormAction } from "@next-safe-action/adapter-react-hook-form/hooks";
import { useTranslations } from "next-intl";
import { ActionErrorAlert } from "@/components/action-error";
import { CountryCombobox } from "@/components/phone-numbers/country-combobox";
import { DialogFooter } from "@/components/ui/dialog";
import { Form, FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { SpacePicker, type PickableSpace } from "@/components/phone-numbers/space-picker";
import { SubmitButton } from "@/components/ui/submit-button";
import { countryByIso } from "@/lib/phone";
import { addPhoneNumberSchema, NAME_MAX, NAME_MIN } from "@/lib/schemas/phone-numbers";
import { addPhoneNumberAction } from "@/server/actions/phone-numbers";

export function AddNumberForm({
  pickSpace,
  defaultSpace,
  onAdded,
}: {
  /** The space is chosen only on "All spaces"; a single space is fixed. */
  pickSpace: boolean;
  defaultSpace: PickableSpace;
  onAdded: (r: { spaceId: string; phoneNumber: string }) => void;
}) {
  const t = useTranslations("phoneNumbers.add");
  const { form, action, handleSubmitWithAction } = useHookFormAction(addPhoneNumberAction, zodResolver(addPhoneNumberSchema), {
    formProps: { defaultValues: { spaceId: defaultSpace.id, country: "", nationalNumber: "", verifiedName: "" }, mode: "onTouched" },
    actionProps: { onSuccess: ({ data }) => data && onAdded(data) },
  });
  const cc = countryByIso(form.watch("country"))?.cc;
  const serverError = action.result.serverError;

  return (
    <Form {...form}>
      <form onSubmit={handleSubmitWithAction} className="space-y-4" noValidate>
        {serverError ? (
          <div className="space-y-2">
            <ActionErrorAlert error={serverError} />
            {serverError.httpStatus !== 403 ? <p className="text-sm text-muted-foreground">{t("checkListFirst")}</p> : null}
          </div>
        ) : null}
        {pickSpace ? (
          <FormField
            control={form.control}
            name="spaceId"
            render={({ field }) => (
              <FormItem>
                <FormLabel>{t("space")}</FormLabel>
                <FormControl>
                  <SpacePicker initial={defaultSpace} {...field} />
                </FormControl>
                <FormMessage />
              </FormItem>
            )}
          />
        ) : null}
        <FormField
          control={form.control}
          name="country"
          render={({ field }) => (
            <FormItem>
              <FormLabel>{t("country")}</FormLabel>
              <FormControl>
                <CountryCombobox value={field.value} onChange={field.onChange} onBlur={field.onBlur} name={field.name} />
              </FormControl>
              <FormMessage />
            </FormItem>
          )}
        />
        <FormField
          control={form.control}
          name="nationalNumber"
          render={({ field }) => (
            <FormItem>
              <FormLabel>{t("nationalNumber")}</FormLabel>
              <div className="flex items-center gap-2">
                <span className="min-w-12 rounded-md border bg-muted px-2 py-1.5 text-center text-sm tabular-nums" aria-hidden="true">
                  {cc ? `+${cc}` : "+…"}
                </span>
                <FormControl>
                  <Input inputMode="numeric" autoComplete="tel-national" className="tabular-nums" placeholder={t("nationalPlaceholder")} {...field} />
                </FormControl>
              </div>
              <FormDescription>{t("nationalHint")}</FormDescription>
              <FormMessage />
            </FormItem>
          )}
        />
        <FormField
          control={form.control}
          name="verifiedName"
          render={({ field }) => (
            <FormItem>
              <FormLabel>{t("verifiedName")}</FormLabel>
              <FormControl>
                <Input autoComplete="organization" maxLength={NAME_MAX + 20} {...field} />
              </FormControl>
              <FormDescription className="space-y-0.5">
                <span className="block">{t("nameRulesIntro")}</span>
                {[t("nameRuleLength", { min: NAME_MIN, max: NAME_MAX }), t("nameRuleBrand"), t("nameRuleCharacters"), t("nameRuleCapitals")].map((rule) => (
                  <span key={rule} className="block pl-3 -indent-3">
                    • {rule}
                  </span>
                ))}
              </FormDescription>
              <FormMessage />
            </FormItem>
          )}
        />
        <DialogFooter>
          <SubmitButton pending={action.isPending}>{t("submit")}</SubmitButton>
        </DialogFooter>
      </form>
    </Form>
  );
}
