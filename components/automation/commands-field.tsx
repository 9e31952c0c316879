"use client";

import { Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { useFieldArray, useFormState, useWatch, type Control } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { FormControl, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { LIMITS, type AutomationFormInput } from "@/lib/schemas/automation";
import { CharCounter } from "./char-counter";
import { ListFooter } from "./list-footer";
import { TitledSection } from "@/components/ui/titled-section";

/** Up to 30 commands (the menu a customer gets after typing "/"): add, edit in place, remove. */
export function CommandsField({ control, readOnly }: { control: Control<AutomationFormInput>; readOnly: boolean }) {
  const t = useTranslations("automation.commands");
  const { fields, append, remove } = useFieldArray({ control, name: "commands" });
  const values = useWatch({ control, name: "commands" }) ?? [];
  const { errors } = useFormState({ control, name: "commands" });
  const listError = errors.commands?.root?.message ?? errors.commands?.message;
  return (
    <TitledSection id="commands-title" title={t("title")} description={t("description", { max: LIMITS.commands })} level={3}>
      {fields.length === 0 ? (
        <p className="text-sm text-muted-foreground">{t("none")}</p>
      ) : (
        <Table aria-label={t("title")} data-testid="commands">
          <TableHeader>
            <TableRow>
              <TableHead className="w-[35%]">{t("name")}</TableHead>
              <TableHead>{t("descriptionColumn")}</TableHead>
              {readOnly ? null : <TableHead className="w-10"><span className="sr-only">{t("actions")}</span></TableHead>}
            </TableRow>
          </TableHeader>
          <TableBody>
            {fields.map((f, i) => (
              <TableRow key={f.id} data-testid="command-row" className="align-top">
                <TableCell>
                  <FormField
                    control={control}
                    name={`commands.${i}.name`}
                    render={({ field }) => (
                      <FormItem className="gap-1">
                        <FormLabel className="sr-only">{t("nameLabel", { n: i + 1 })}</FormLabel>
                        <div className="flex items-center gap-1">
                          <span className="text-muted-foreground" aria-hidden="true">/</span>
                          <FormControl>
                            <Input {...field} readOnly={readOnly} autoComplete="off" spellCheck={false} className="font-mono text-sm" />
                          </FormControl>
                        </div>
                        <CharCounter value={values[i]?.name ?? ""} max={LIMITS.commandName} />
                        <FormMessage />
                      </FormItem>
                    )}
                  />
                </TableCell>
                <TableCell className="whitespace-normal">
                  <FormField
                    control={control}
                    name={`commands.${i}.description`}
                    render={({ field }) => (
                      <FormItem className="gap-1">
                        <FormLabel className="sr-only">{t("descriptionLabel", { n: i + 1 })}</FormLabel>
                        <FormControl>
                          <Input {...field} readOnly={readOnly} autoComplete="off" />
                        </FormControl>
                        <CharCounter value={values[i]?.description ?? ""} max={LIMITS.commandDescription} />
                        <FormMessage />
                      </FormItem>
                    )}
                  />
                </TableCell>
                {readOnly ? null : (
                  <TableCell>
                    <Button type="button" variant="ghost" size="icon" aria-label={t("remove", { n: i + 1 })} onClick={() => remove(i)}>
                      <Trash2 aria-hidden="true" />
                    </Button>
                  </TableCell>
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <ListFooter error={listError} readOnly={readOnly} count={fields.length} max={LIMITS.commands} addLabel={t("add")} onAdd={() => append({ name: "", description: "" }, { shouldFocus: true })} />
    </TitledSection>
  );
}
