"use client";

import { useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";

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
