"use client";

import { Plus } from "lucide-react";
import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { useLazyDialog } from "@/components/use-lazy-dialog";
import type { PickableSpace } from "@/components/phone-numbers/space-picker";

// The dialog (Radix's, with its focus trap) and the form load when first wanted, not with the
// list: hovering or focusing the button fetches both ahead of the click.
const loadBody = () => import("@/components/phone-numbers/add-number-dialog-body");
const AddNumberDialogBody = dynamic(() => loadBody().then((m) => m.AddNumberDialogBody), { ssr: false });
const preload = () => loadBody().then((m) => m.loadForm());

/** "Add number", then the offer to verify it right away. */
export function AddNumberDialog({ pickSpace, defaultSpace }: { pickSpace: boolean; defaultSpace: PickableSpace }) {
  const t = useTranslations("phoneNumbers.add");
  const { open, setOpen, wanted, trigger, triggerProps } = useLazyDialog(preload);
  return (
    <>
      <Button {...triggerProps}>
        <Plus aria-hidden="true" />
        {t("open")}
      </Button>
      {wanted ? <AddNumberDialogBody returnFocus={trigger} pickSpace={pickSpace} defaultSpace={defaultSpace} open={open} setOpen={setOpen} /> : null}
    </>
  );
}
