"use client";

import type { FormEventHandler, ReactNode } from "react";
import type { FieldValues, UseFormReturn } from "react-hook-form";
import { ActionErrorAlert } from "@/components/action-error";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Form } from "@/components/ui/form";
import { SaveUndoButtons } from "@/components/ui/save-undo-buttons";
import type { ActionServerError } from "@/lib/action-error";
import { cn } from "@/lib/utils";

/**
 * A number's settings form in its card (webhook, business profile, welcome and automation): the
 * title and what the form does (or that it is read-only), the action's error above the fields,
 * and for those who may change it Save and Undo (back to what was loaded).
 */
export function SettingsFormCard<T extends FieldValues>(props: {
  /** The form's messages: `title`, `description` (`readOnly` to those who may not change it), `save`, `undo`. */
  t: (message: "title" | "description" | "readOnly" | "save" | "undo") => string;
  /** What useHookFormAction returned: the form, its action (error, pending) and the submit handler. */
  hookForm: { form: UseFormReturn<T>; action: { result: { serverError?: ActionServerError }; isPending: boolean }; handleSubmitWithAction: FormEventHandler<HTMLFormElement> };
  canWrite: boolean;
  /** Instead of sending the action at once (a review first). */
  onSubmit?: FormEventHandler<HTMLFormElement>;
  /** Save's label when it is not `save`. */
  save?: string;
  /** Shown above the buttons, to those who may save. */
  note?: ReactNode;
  /** After the form, inside the card (its dialogs). */
  after?: ReactNode;
  className?: string;
  spacing?: "space-y-5" | "space-y-6";
  children: ReactNode;
}) {
  const { t, canWrite } = props;
  const { form, action, handleSubmitWithAction } = props.hookForm;
  return (
    <Card className={cn(props.className)}>
      <CardHeader>
        <CardTitle asHeading="h2">{t("title")}</CardTitle>
        <CardDescription>{canWrite ? t("description") : t("readOnly")}</CardDescription>
      </CardHeader>
      <CardContent>
        <Form {...form}>
          <form onSubmit={props.onSubmit ?? handleSubmitWithAction} className={props.spacing ?? "space-y-6"} noValidate aria-label={t("title")}>
            <ActionErrorAlert error={action.result.serverError} />
            {props.children}
            {canWrite ? (
              <>
                {props.note}
                <SaveUndoButtons dirty={form.formState.isDirty} pending={action.isPending} onUndo={() => form.reset()} save={props.save ?? t("save")} undo={t("undo")} />
              </>
            ) : null}
          </form>
        </Form>
        {props.after}
      </CardContent>
    </Card>
  );
}
