"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useHookFormAction } from "@next-safe-action/adapter-react-hook-form/hooks";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { ActionErrorAlert } from "@/components/action-error";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Form, FormControl, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { deleteSpaceSchema } from "@/lib/schemas/spaces";
import { deleteSpaceAction } from "@/server/actions/spaces";

export function DeleteSpaceDialog({ space }: { space: { id: string; name: string } }) {
  const t = useTranslations("spaces");
  const tc = useTranslations("common");
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const { form, action, handleSubmitWithAction, resetFormAndAction } = useHookFormAction(deleteSpaceAction, zodResolver(deleteSpaceSchema), {
    formProps: { defaultValues: { spaceId: space.id, confirmName: "" } },
    actionProps: {
      onSuccess: () => {
        toast.success(t("deleted"));
        setOpen(false);
        router.refresh();
      },
    },
  });
  const typed = form.watch("confirmName");
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (!o) resetFormAndAction();
      }}
    >
      <DialogTrigger asChild>
        <Button variant="outline" size="sm" aria-label={`${tc("delete")}: ${space.name}`}>
          {tc("delete")}
        </Button>
      </DialogTrigger>
      <DialogContent closeLabel={tc("close")}>
        <DialogHeader>
          <DialogTitle>{t("deleteTitle", { name: space.name })}</DialogTitle>
          <DialogDescription>{t("deleteBody")}</DialogDescription>
        </DialogHeader>
        <Form {...form}>
          <form onSubmit={handleSubmitWithAction} className="space-y-4" noValidate>
            <ActionErrorAlert error={action.result.serverError} />
            <FormField
              control={form.control}
              name="confirmName"
              render={({ field }) => (
                <FormItem>
                  <FormLabel>{t("confirmName")}</FormLabel>
                  <FormControl>
                    <Input autoComplete="off" placeholder={space.name} {...field} />
                  </FormControl>
                  <FormMessage />
                </FormItem>
              )}
            />
            <DialogFooter>
              <SubmitButton variant="destructive" pending={action.isPending} disabled={typed.trim() !== space.name}>
                {tc("delete")}
              </SubmitButton>
            </DialogFooter>
          </form>
        </Form>
      </DialogContent>
    </Dialog>
  );
}
