"use client";

import { CircleCheck } from "lucide-react";
import dynamic from "next/dynamic";
import Link from "@/components/ui/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { PhoneNumberText } from "@/components/phone-numbers/phone-number-text";
import { useInvalidatePhone } from "@/components/phone-numbers/queries";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Skeleton } from "@/components/ui/skeleton";
import type { PickableSpace } from "@/components/phone-numbers/space-picker";

// The form (react-hook-form, zod, the country list) loads when first wanted, not with the list:
// the list page stays light, and hovering or focusing the button fetches it ahead of the click.
export const loadForm = () => import("@/components/phone-numbers/add-number-form").then((m) => m.AddNumberForm);
const AddNumberForm = dynamic(loadForm, { loading: () => <Skeleton className="h-96 w-full" /> });

/** The Add number dialog (components/phone-numbers/add-number-dialog.tsx loads it when first wanted): the form, then the offer to verify the number right away. */
export function AddNumberDialogBody({ pickSpace, defaultSpace, open, setOpen, returnFocus }: { pickSpace: boolean; defaultSpace: PickableSpace; open: boolean; setOpen: (open: boolean) => void; returnFocus: React.RefObject<HTMLButtonElement | null> }) {
  const t = useTranslations("phoneNumbers.add");
  const tc = useTranslations("common");
  const invalidate = useInvalidatePhone();
  const [added, setAdded] = useState<{ spaceId: string; phoneNumber: string } | null>(null);

  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (!o) setAdded(null);
      }}
    >
      <DialogContent
        returnFocus={returnFocus}
        closeLabel={tc("close")}
        // Escape inside the open country list closes the list, not the dialog (and the typed form).
        onEscapeKeyDown={(e) => {
          if ((e.target as HTMLElement | null)?.getAttribute?.("aria-expanded") === "true") e.preventDefault();
        }}
      >
        {added ? (
          <>
            <DialogHeader>
              <DialogTitle className="flex items-center gap-2">
                <CircleCheck className="size-5 text-success" aria-hidden="true" />
                {t("addedTitle")}
              </DialogTitle>
              <DialogDescription>{t("addedBody")}</DialogDescription>
            </DialogHeader>
            <PhoneNumberText phone={added.phoneNumber} className="text-lg" />
            <DialogFooter>
              <Button variant="outline" onClick={() => setOpen(false)}>
                {t("later")}
              </Button>
              <Button asChild>
                <Link href={`/s/${added.spaceId}/phone-numbers/${added.phoneNumber}?verify=1`} onClick={() => setOpen(false)}>
                  {t("verifyNow")}
                </Link>
              </Button>
            </DialogFooter>
          </>
        ) : (
          <>
            <DialogHeader>
              <DialogTitle>{t("title")}</DialogTitle>
              <DialogDescription>{t("description")}</DialogDescription>
            </DialogHeader>
            {open ? (
              <AddNumberForm
                pickSpace={pickSpace}
                defaultSpace={defaultSpace}
                onAdded={(r) => {
                  setAdded(r);
                  void invalidate(r.spaceId);
                }}
              />
            ) : null}
          </>
        )}
      </DialogContent>
    </Dialog>
  );
}
