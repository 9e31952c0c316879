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
  title: string;
  description: string;
  form: UseFormReturn<T>;
  onSubmit: FormEventHandler<HTMLFormElement>;
  error: ActionServerError | undefined;
  canWrite: boolean;
  pending: boolean;
  save: string;
  undo: string;
  /** Shown above the buttons, to those who may save. */
  note?: ReactNode;
  /** After the form, inside the card (its dialogs). */
  after?: ReactNode;
  className?: string;
  spacing?: "space-y-5" | "space-y-6";
  children: ReactNode;
}) {
  const { form } = props;
  return (
    <Card className={cn(props.className)}>
      <CardHeader>
        <CardTitle asHeading="h2">{props.title}</CardTitle>
        <CardDescription>{props.description}</CardDescription>
      </CardHeader>
      <CardContent>
        <Form {...form}>
          <form onSubmit={props.onSubmit} className={props.spacing ?? "space-y-6"} noValidate aria-label={props.title}>
            <ActionErrorAlert error={props.error} />
            {props.children}
            {props.canWrite ? (
              <>
                {props.note}
                <SaveUndoButtons dirty={form.formState.isDirty} pending={props.pending} onUndo={() => form.reset()} save={props.save} undo={props.undo} />
              </>
            ) : null}
          </form>
        </Form>
        {props.after}
      </CardContent>
    </Card>
  );
}
