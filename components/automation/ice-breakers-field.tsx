"use client";

import { ArrowDown, ArrowUp, QrCode, Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { useFieldArray, useFormState, useWatch, type Control } from "react-hook-form";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormControl, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { LIMITS, type AutomationFormInput } from "@/lib/schemas/automation";
import { CharCounter } from "./char-counter";
import { ListFooter } from "./list-footer";
import { TitledSection } from "@/components/ui/titled-section";

interface Props {
  control: Control<AutomationFormInput>;
  readOnly: boolean;
  prefilledQrCodes: { qrdlCode: string; prefilledMessage: string }[];
}

/** Up to four ice breakers, in order: move up/down buttons (keyboard reachable), live counters. */
export function IceBreakersField({ control, readOnly, prefilledQrCodes }: Props) {
  const t = useTranslations("automation.iceBreakers");
  const { fields, append, remove, move } = useFieldArray({ control, name: "prompts" });
  const values = useWatch({ control, name: "prompts" }) ?? [];
  const { errors } = useFormState({ control, name: "prompts" });
  const listError = errors.prompts?.root?.message ?? errors.prompts?.message;
  return (
    <TitledSection id="ice-breakers-title" title={t("title")} description={t("description", { max: LIMITS.prompts, chars: LIMITS.promptChars })} level={3}>
      {prefilledQrCodes.length > 0 ? (
        <Alert variant="warning" data-testid="qr-warning">
          <QrCode aria-hidden="true" />
          <AlertTitle>{t("qrWarningTitle", { count: prefilledQrCodes.length })}</AlertTitle>
          <AlertDescription>
            <p>{t("qrWarningBody")}</p>
            <ul className="mt-1 list-disc pl-5 text-xs">
              {prefilledQrCodes.slice(0, 3).map((q) => (
                <li key={q.qrdlCode} className="break-words">
                  <span className="font-mono">{q.qrdlCode}</span>: “{q.prefilledMessage}”
                </li>
              ))}
              {prefilledQrCodes.length > 3 ? <li>{t("qrWarningMore", { count: prefilledQrCodes.length - 3 })}</li> : null}
            </ul>
          </AlertDescription>
        </Alert>
      ) : null}
      {fields.length === 0 ? <p className="text-sm text-muted-foreground">{t("none")}</p> : null}
      <ol className="space-y-2" data-testid="ice-breakers">
        {fields.map((f, i) => (
          <li key={f.id} className="flex items-start gap-2" data-testid="ice-breaker">
            <span className="mt-2 w-5 shrink-0 text-right text-sm text-muted-foreground tabular-nums" aria-hidden="true">
              {i + 1}.
            </span>
            <FormField
              control={control}
              name={`prompts.${i}.text`}
              render={({ field }) => (
                <FormItem className="min-w-0 flex-1 gap-1">
                  <FormLabel className="sr-only">{t("label", { n: i + 1 })}</FormLabel>
                  <div className="flex items-center gap-2">
                    <FormControl>
                      <Input {...field} readOnly={readOnly} autoComplete="off" placeholder={t("placeholder")} />
                    </FormControl>
                    <CharCounter value={values[i]?.text ?? ""} max={LIMITS.promptChars} />
                  </div>
                  <FormMessage />
                </FormItem>
              )}
            />
            {readOnly ? null : (
              <div className="flex shrink-0 gap-0.5">
                <Button type="button" variant="ghost" size="icon" aria-label={t("moveUp", { n: i + 1 })} disabled={i === 0} onClick={() => move(i, i - 1)}>
                  <ArrowUp aria-hidden="true" />
                </Button>
                <Button
                  type="button"
                  variant="ghost"
                  size="icon"
                  aria-label={t("moveDown", { n: i + 1 })}
                  disabled={i === fields.length - 1}
                  onClick={() => move(i, i + 1)}
                >
                  <ArrowDown aria-hidden="true" />
                </Button>
                <Button type="button" variant="ghost" size="icon" aria-label={t("remove", { n: i + 1 })} onClick={() => remove(i)}>
                  <Trash2 aria-hidden="true" />
                </Button>
              </div>
            )}
          </li>
        ))}
      </ol>
      <ListFooter error={listError} readOnly={readOnly} count={fields.length} max={LIMITS.prompts} addLabel={t("add")} onAdd={() => append({ text: "" }, { shouldFocus: true })} />
    </TitledSection>
  );
}
