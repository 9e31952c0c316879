"use client";

import { useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import type { FieldValues, UseFormReturn } from "react-hook-form";
import { ActionErrorAlert } from "@/components/action-error";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Form } from "@/components/ui/form";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionServerError } from "@/lib/action-error";

/**
 * The add / edit dialog of a Settings list (a user, a space, a cloud account): its trigger (the
 * list's "Add" button, or a row's edit button named for the record), the form made only while
 * open (so it starts from the record each time), and, once the form is done, a toast, the dialog
 * closed and the list read again.
 */
export function RecordDialog(props: {
  /** The record being edited: the edit action's label and the record's name; none to add one. */
  edit?: { action: string; name: string };
  addLabel: string;
  description: string;
  doneMessage: string;
  /** Long forms scroll inside the dialog. */
  scroll?: boolean;
  form: (done: () => void) => ReactNode;
}) {
  const tc = useTranslations("common");
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const done = () => {
    toast.success(props.doneMessage);
    setOpen(false);
    router.refresh();
  };
  const title = props.edit ? `${props.edit.action}: ${props.edit.name}` : props.addLabel;
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        {props.edit ? (
          <Button variant="outline" size="sm" aria-label={title}>
            {props.edit.action}
          </Button>
        ) : (
          <Button>{props.addLabel}</Button>
        )}
      </DialogTrigger>
      <DialogContent className={props.scroll ? "max-h-[90vh] overflow-y-auto" : undefined} closeLabel={tc("close")}>
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          <DialogDescription>{props.description}</DialogDescription>
        </DialogHeader>
        {open ? props.form(done) : null}
      </DialogContent>
    </Dialog>
  );
}

/**
 * The form of a RecordDialog: the error that belongs to no field, the fields, and the submit
 * button; editing, it saves only once something changed.
 */
export function RecordForm<TF extends FieldValues, TC, TT extends FieldValues>({
  form,
  onSubmit,
  pending,
  serverError,
  submitLabel,
  editing,
  children,
}: {
  form: UseFormReturn<TF, TC, TT>;
  onSubmit: React.FormEventHandler<HTMLFormElement>;
  pending: boolean;
  /** Shown above the fields; a form with an alert of its own passes it as a child instead. */
  serverError?: ActionServerError;
  submitLabel: ReactNode;
  editing?: boolean;
  children: ReactNode;
}) {
  return (
    <Form {...form}>
      <form onSubmit={onSubmit} className="space-y-4" noValidate>
        <ActionErrorAlert error={serverError} />
        {children}
        <DialogFooter>
          <SubmitButton pending={pending} disabled={editing && !form.formState.isDirty}>
            {submitLabel}
          </SubmitButton>
        </DialogFooter>
      </form>
    </Form>
  );
}
