"use client";

import { useTranslations } from "next-intl";
import { useWatch, type Control, type UseFormReturn } from "react-hook-form";
import { CountedField, VerticalField, WebsiteFields } from "@/components/profile/profile-fields";
import { Checkbox } from "@/components/ui/checkbox";
import { FormField, FormItem, FormMessage } from "@/components/ui/form";
import { Label } from "@/components/ui/label";
import { BULK_PROFILE_FIELDS, type BulkProfileField, type CreateBulkJobInput } from "@/lib/schemas/bulk";
import type { UpdateProfileInput } from "@/lib/schemas/profile";

/**
 * Step 2 of a profile job: tick the fields to set, then give their values in the Profile tab's own
 * field components (with their counters). The bulk form holds the values under the tab's names
 * (about, description, …), so those components serve it; unticked fields are never sent.
 */
export function ProfileFields({ form }: { form: UseFormReturn<CreateBulkJobInput> }) {
  const tb = useTranslations("bulk.change");
  const tp = useTranslations("profile.form");
  const control = form.control as unknown as Control<UpdateProfileInput>;
  const chosen = useWatch({ control: form.control, name: "profileChosen" }) ?? [];

  function toggle(f: BulkProfileField, on: boolean) {
    const next = BULK_PROFILE_FIELDS.filter((x) => (x === f ? on : chosen.includes(x)));
    form.setValue("profileChosen", next, { shouldDirty: true });
    // "Tick at least one" is answered as soon as one is ticked; Next checks the rest again.
    if (next.length) form.clearErrors("profileChosen");
  }

  const valueOf = (f: BulkProfileField) => {
    if (f === "about") return <CountedField control={control} name="about" multiline readOnly={false} />;
    if (f === "description") return <CountedField control={control} name="description" multiline readOnly={false} />;
    if (f === "address") return <CountedField control={control} name="address" multiline readOnly={false} />;
    if (f === "email") return <CountedField control={control} name="email" readOnly={false} />;
    if (f === "vertical") return <VerticalField control={control} current="" readOnly={false} />;
    return <WebsiteFields control={control} readOnly={false} />;
  };

  return (
    <div className="space-y-4">
      <p className="text-sm text-muted-foreground">{tb("profileOnly")}</p>
      <FormField
        control={form.control}
        name="profileChosen"
        render={() => (
          <FormItem>
            <fieldset className="space-y-3" data-testid="profile-chosen">
              <legend className="mb-2 text-sm font-medium">{tb("profileFields")}</legend>
              {BULK_PROFILE_FIELDS.map((f) => {
                const on = chosen.includes(f);
                return (
                  <div key={f} className="space-y-3 rounded-lg border p-3" data-field={f}>
                    <div className="flex items-center gap-2">
                      <Checkbox id={`bulk-profile-${f}`} checked={on} onCheckedChange={(v) => toggle(f, v === true)} />
                      <Label htmlFor={`bulk-profile-${f}`} className="font-medium">
                        {tb("profileSet", { field: tp(`fields.${f}`) })}
                      </Label>
                    </div>
                    {on ? valueOf(f) : null}
                  </div>
                );
              })}
            </fieldset>
            <FormMessage />
          </FormItem>
        )}
      />
      <p className="text-xs text-muted-foreground">{tb("profileEmptyClears")}</p>
    </div>
  );
}
